//! HTTP/1.x: field definitions, Wireshark's names.

const VERSION_TEXT: &str = "The HTTP version spoken.";

const HEADER_LINE_TEXT: &str =
    "One header line, name: value, ending with CR LF; an empty line ends the headers.";

fields! {
    FILE_DATA = "http.file_data", "File Data", Bytes, Dec,
        "The message's body: what the request sends or the response carries (a page, a file, JSON).";
    REQUEST_FIRST_LINE ours = "http.request.first_line", "Request line", Text, Dec,
        "The request's first line: method, resource, version.";
    RESPONSE_FIRST_LINE ours = "http.response.first_line", "Status line", Text, Dec,
        "The response's first line: version, status code, reason.";
    REQUEST_METHOD = "http.request.method", "Request Method", Text, Dec,
        "What the client wants the server to do (GET, POST …).";
    REQUEST_URI = "http.request.uri", "Request URI", Text, Dec,
        "Which resource the request is for.";
    REQUEST_VERSION = "http.request.version", "Request Version", Text, Dec,
        VERSION_TEXT;
    REQUEST_FULL_URI generated = "http.request.full_uri", "Full request URI", Text, Dec,
        "The Host header and the request URI together: the address the client asked for.";
    RESPONSE_CODE = "http.response.code", "Status Code", Uint, Dec,
        "The status code: 2xx success, 3xx redirect, 4xx client error, 5xx server error.";
    RESPONSE_PHRASE = "http.response.phrase", "Response Phrase", Text, Dec,
        "The status code's text.";
    RESPONSE_VERSION = "http.response.version", "Response Version", Text, Dec,
        VERSION_TEXT;
    REQUEST_LINE = "http.request.line", "Request line", Text, Dec,
        HEADER_LINE_TEXT;
    RESPONSE_LINE = "http.response.line", "Response line", Text, Dec,
        HEADER_LINE_TEXT;
    HOST = "http.host", "Host", Text, Dec,
        "Which site the client wants: one server address can serve many names.";
    USER_AGENT = "http.user_agent", "User-Agent", Text, Dec,
        "The client program (curl, a browser, Python's urllib).";
    ACCEPT = "http.accept", "Accept", Text, Dec,
        "The kinds of content the client can take.";
    ACCEPT_ENCODING = "http.accept_encoding", "Accept Encoding", Text, Dec,
        "The compressions the client can undo (gzip …).";
    ACCEPT_LANGUAGE = "http.accept_language", "Accept-Language", Text, Dec,
        "The languages the user prefers.";
    CONNECTION = "http.connection", "Connection", Text, Dec,
        "Whether the connection stays open after this message (keep-alive) or closes.";
    CONTENT_TYPE = "http.content_type", "Content-Type", Text, Dec,
        "What the body is (text/html, application/json …) and its character set.";
    CONTENT_LENGTH_HEADER = "http.content_length_header", "Content-Length", Text, Dec,
        "The body's length in bytes, as the header writes it: the receiver reads exactly that many (a length prefix, in text).";
    CONTENT_LENGTH = "http.content_length", "Content length", Uint, Dec,
        "The body's length in bytes.";
    TRANSFER_ENCODING = "http.transfer_encoding", "Transfer-Encoding", Text, Dec,
        "chunked: the body comes in pieces, each after its size in hex, ending with a piece of size 0 — for bodies whose length is not known in advance.";
    SERVER = "http.server", "Server", Text, Dec,
        "The server program.";
    DATE = "http.date", "Date", Text, Dec,
        "When the server sent the response.";
    LAST_MODIFIED = "http.last_modified", "Last-Modified", Text, Dec,
        "When the resource last changed.";
    LOCATION = "http.location", "Location", Text, Dec,
        "Where a redirect sends the client.";
    REFERER = "http.referer", "Referer", Text, Dec,
        "The page that linked here.";
    COOKIE = "http.cookie", "Cookie", Text, Dec,
        "State the client keeps for this site and sends back.";
    CACHE_CONTROL = "http.cache_control", "Cache-Control", Text, Dec,
        "How long the response may be kept and reused.";
    CHUNK_SIZE = "http.chunk_size", "Chunk size", Uint, Dec,
        "This chunk's length in bytes, written in hex before it.";
    CHUNK_DATA = "http.chunk_data", "Chunk data", Bytes, Dec,
        "One piece of a chunked body.";
}
