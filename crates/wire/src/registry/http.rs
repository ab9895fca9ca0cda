//! HTTP first lines: field definitions.

const FIRST_LINE_TEXT: &str = "The first line of an HTTP message.";

const VERSION_TEXT: &str = "The HTTP version spoken.";

fields! {
    FILE_DATA = "http.file_data", "Message", Bytes, Dec,
        "The whole HTTP message.";
    REQUEST_LINE = "http.request.line", "Request line", Text, Dec,
        FIRST_LINE_TEXT;
    REQUEST_METHOD = "http.request.method", "Request Method", Text, Dec,
        "What the client wants the server to do (GET, POST …).";
    REQUEST_URI = "http.request.uri", "Request URI", Text, Dec,
        "Which resource the request is for.";
    REQUEST_VERSION = "http.request.version", "Request Version", Text, Dec,
        VERSION_TEXT;
    RESPONSE_CODE = "http.response.code", "Status Code", Uint, Dec,
        "The status code: 2xx success, 3xx redirect, 4xx client error, 5xx server error.";
    RESPONSE_LINE = "http.response.line", "Status line", Text, Dec,
        FIRST_LINE_TEXT;
    RESPONSE_PHRASE = "http.response.phrase", "Response Phrase", Text, Dec,
        "The status code's text.";
    RESPONSE_VERSION = "http.response.version", "Response Version", Text, Dec,
        VERSION_TEXT;
}
