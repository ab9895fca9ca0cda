//! Application data no dissector claims: field definitions.

fields! {
    DATA = "data.data", "Data", Bytes, Dec,
        "The bytes the application wrote into its socket.";
    LEN = "data.len", "Length", Int, Dec,
        "How many bytes the application sent in this packet.";
    TEXT = "data.text", "Text", Text, Dec,
        "The same bytes read as text.";
}
