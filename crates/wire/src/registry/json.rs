//! JSON (JavaScript Object Notation): field definitions, Wireshark's names.

const PATH_TEXT: &str =
    "Where this value sits in the whole message: each key on the way down, [] for an array item.";

fields! {
    OBJECT = "json.object", "Object", None, Dec,
        "A JSON object: { \"key\": value, … }, what Python's json.dumps makes of a dict.";
    ARRAY = "json.array", "Array", None, Dec,
        "A JSON array: [value, …], what json.dumps makes of a list.";
    MEMBER = "json.member", "Member", Text, Dec,
        "One \"key\": value pair of an object.";
    KEY = "json.key", "Key", Text, Dec,
        "The member's name, with its escapes resolved.";
    PATH generated = "json.path", "Path", Text, Dec,
        PATH_TEXT;
    PATH_WITH_VALUE generated = "json.path_with_value", "Path with value", Text, Dec,
        PATH_TEXT;
    MEMBER_WITH_VALUE generated = "json.member_with_value", "Member with value", Text, Dec,
        "The member's key and its value together, key:value.";
    VALUE_STRING = "json.value.string", "String value", Text, Dec,
        "A string, with \\uXXXX escapes turned back into the characters the program wrote (json.dumps writes 小 as \\u5c0f).";
    VALUE_NUMBER = "json.value.number", "Number value", Text, Dec,
        "A number, as written.";
    VALUE_TRUE = "json.value.true", "True value", None, Dec,
        "The value true (Python's True).";
    VALUE_FALSE = "json.value.false", "False value", None, Dec,
        "The value false (Python's False).";
    VALUE_NULL = "json.value.null", "Null value", None, Dec,
        "The value null (Python's None).";
}
