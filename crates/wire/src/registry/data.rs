//! Application data no dissector claims: field definitions.

fields! {
    DATA = "data.data", "Data", Bytes, Dec,
        "The bytes the application wrote into its socket.";
    LEN = "data.len", "Length", Int, Dec,
        "How many bytes the application sent in this packet.";
    TEXT = "data.text", "Text", Text, Dec,
        "The same bytes read as text.";
    ENCODING ours = "data.encoding", "Text encoding", Text, Dec,
        "How the bytes were read as text: UTF-8 (Python's str.encode() default), or GB18030 when they are not UTF-8 but GBK, as a Chinese Windows console writes them.";
}
