//! TLS records and the hellos that open a connection: field definitions, Wireshark's names.

const VERSION_TEXT: &str =
    "0x0301 TLS 1.0, 0x0303 TLS 1.2; TLS 1.3 says 0x0303 here and its real version in the supported_versions extension.";

fields! {
    RECORD = "tls.record", "Record Layer", None, Dec,
        "One TLS record: a 5-byte header (type, version, length) and what it carries.";
    RECORD_CONTENT_TYPE = "tls.record.content_type", "Content Type", Uint, Dec,
        "What the record carries: 22 handshake, 20 change cipher spec, 21 alert, 23 application data (encrypted).";
    RECORD_VERSION = "tls.record.version", "Version", Uint, Hex(4),
        VERSION_TEXT;
    RECORD_LENGTH = "tls.record.length", "Length", Uint, Dec,
        "The record's length: TLS frames its own messages over TCP's byte stream with this length prefix.";
    APP_DATA = "tls.app_data", "Encrypted Application Data", Bytes, Dec,
        "The program's data, encrypted: what a capture of HTTPS shows instead of the request.";
    CHANGE_CIPHER_SPEC = "tls.change_cipher_spec", "Change Cipher Spec Message", None, Dec,
        "From here on, this side encrypts (kept in TLS 1.3 for middleboxes' sake).";
    HANDSHAKE_TYPE = "tls.handshake.type", "Handshake Type", Uint, Dec,
        "1 Client Hello, 2 Server Hello: the first messages of a TLS connection, sent in the clear.";
    HANDSHAKE_LENGTH = "tls.handshake.length", "Length", Uint, Dec,
        "The handshake message's length.";
    HANDSHAKE_VERSION = "tls.handshake.version", "Version", Uint, Hex(4),
        VERSION_TEXT;
    RANDOM = "tls.handshake.random", "Random", Bytes, Dec,
        "32 fresh random bytes from each side, mixed into the keys.";
    SESSION_ID_LENGTH = "tls.handshake.session_id_length", "Session ID Length", Uint, Dec,
        "The session ID's length.";
    SESSION_ID = "tls.handshake.session_id", "Session ID", Bytes, Dec,
        "Names an earlier session to resume (in TLS 1.3, kept for compatibility).";
    CIPHER_SUITES_LENGTH = "tls.handshake.cipher_suites_length", "Cipher Suites Length", Uint, Dec,
        "The cipher suite list's length in bytes (two a suite).";
    CIPHERSUITE = "tls.handshake.ciphersuite", "Cipher Suite", Uint, Hex(4),
        "A way of encrypting the client offers, or (in the Server Hello) the one the server chose.";
    COMP_METHODS_LENGTH = "tls.handshake.comp_methods_length", "Compression Methods Length", Uint, Dec,
        "The compression list's length.";
    COMP_METHOD = "tls.handshake.comp_method", "Compression Method", Uint, Dec,
        "0: none (compression was dropped after the CRIME attack).";
    EXTENSIONS_LENGTH = "tls.handshake.extensions_length", "Extensions Length", Uint, Dec,
        "The extensions' total length.";
    EXTENSION_TYPE = "tls.handshake.extension.type", "Type", Uint, Dec,
        "Which extension: 0 server_name (SNI), 16 ALPN, 43 supported_versions, 51 key_share …";
    EXTENSION_LEN = "tls.handshake.extension.len", "Length", Uint, Dec,
        "The extension's length.";
    SERVER_NAME_LIST_LEN = "tls.handshake.extensions_server_name_list_len", "Server Name list length", Uint, Dec,
        "The name list's length.";
    SERVER_NAME_TYPE = "tls.handshake.extensions_server_name_type", "Server Name Type", Uint, Dec,
        "0: a host name.";
    SERVER_NAME_LEN = "tls.handshake.extensions_server_name_len", "Server Name length", Uint, Dec,
        "The name's length.";
    SERVER_NAME = "tls.handshake.extensions_server_name", "Server Name", Text, Dec,
        "SNI: the site the client wants, in the clear — so one address can serve many sites, and so anyone on the path sees which.";
    ALPN_LEN = "tls.handshake.extensions_alpn_len", "ALPN Extension Length", Uint, Dec,
        "The protocol list's length.";
    ALPN_STR_LEN = "tls.handshake.extensions_alpn_str_len", "ALPN string length", Uint, Dec,
        "The protocol name's length.";
    ALPN_STR = "tls.handshake.extensions_alpn_str", "ALPN Next Protocol", Text, Dec,
        "ALPN: a protocol to speak inside TLS (h2, http/1.1), offered by the client, chosen by the server.";
    SUPPORTED_VERSIONS_LEN = "tls.handshake.extensions.supported_versions_len", "Supported Versions length", Uint, Dec,
        "The version list's length.";
    SUPPORTED_VERSION = "tls.handshake.extensions.supported_version", "Supported Version", Uint, Hex(4),
        "A TLS version: 0x0304 is TLS 1.3, 0x0303 TLS 1.2.";
}
