//! DNS (RFC 1035): field definitions, Wireshark's names.

const CLASS_TEXT: &str = "The record's class: 1 (IN) for the Internet, nearly always.";
const NAME_TEXT: &str = "A domain name, label by label; a later name may point back at an earlier one (compression) instead of repeating it.";

fields! {
    LENGTH = "dns.length", "Length", Uint, Dec,
        "Over TCP, each DNS message starts with its length in two bytes: TCP is a byte stream, so the receiver needs it to find the message's end (the length prefix that cures sticky packets).";
    ID = "dns.id", "Transaction ID", Uint, Hex(4),
        "Chosen by the client; the answer repeats it, so the client can match answers to questions (UDP keeps no connection to do that).";
    FLAGS = "dns.flags", "Flags", Uint, Hex(4),
        "Query or response, the operation, and how it went.";
    FLAGS_RESPONSE = "dns.flags.response", "Response", Bool, Dec,
        "0: a query; 1: a response.";
    FLAGS_OPCODE = "dns.flags.opcode", "Opcode", Uint, Dec,
        "The operation: 0 is a standard query.";
    FLAGS_AUTHORITATIVE = "dns.flags.authoritative", "Authoritative", Bool, Dec,
        "The answering server is responsible for this name (not answering from a cache).";
    FLAGS_TRUNCATED = "dns.flags.truncated", "Truncated", Bool, Dec,
        "The answer did not fit in the datagram: ask again over TCP.";
    FLAGS_RECDESIRED = "dns.flags.recdesired", "Recursion desired", Bool, Dec,
        "The client asks the server to find the answer for it, asking other servers if needed.";
    FLAGS_RECAVAIL = "dns.flags.recavail", "Recursion available", Bool, Dec,
        "The server can do that.";
    FLAGS_Z = "dns.flags.z", "Z", Bool, Dec,
        "Reserved; always 0.";
    FLAGS_AUTHENTICATED = "dns.flags.authenticated", "Answer authenticated", Bool, Dec,
        "DNSSEC: the server checked the answer's signatures.";
    FLAGS_CHECKDISABLE = "dns.flags.checkdisable", "Non-authenticated data", Bool, Dec,
        "DNSSEC: the client accepts answers whose signatures were not checked.";
    FLAGS_RCODE = "dns.flags.rcode", "Reply code", Uint, Dec,
        "How it went: 0 no error, 2 server failure, 3 no such name, 5 refused.";
    COUNT_QUERIES = "dns.count.queries", "Questions", Uint, Dec,
        "How many questions follow.";
    COUNT_ANSWERS = "dns.count.answers", "Answer RRs", Uint, Dec,
        "How many answer records follow.";
    COUNT_AUTH_RR = "dns.count.auth_rr", "Authority RRs", Uint, Dec,
        "How many records name the servers responsible.";
    COUNT_ADD_RR = "dns.count.add_rr", "Additional RRs", Uint, Dec,
        "How many extra records follow (EDNS's OPT record, addresses of named servers).";
    QRY_NAME = "dns.qry.name", "Name", Text, Dec,
        NAME_TEXT;
    QRY_NAME_LEN generated = "dns.qry.name.len", "Name Length", Uint, Dec,
        "The name's length in characters.";
    COUNT_LABELS generated = "dns.count.labels", "Label Count", Uint, Dec,
        "How many labels (the parts between dots) the name has.";
    QRY_TYPE = "dns.qry.type", "Type", Uint, Dec,
        "What is asked for: 1 A (IPv4 address), 28 AAAA (IPv6), 5 CNAME, 15 MX, 16 TXT.";
    QRY_CLASS = "dns.qry.class", "Class", Uint, Hex(4),
        CLASS_TEXT;
    RESP_NAME = "dns.resp.name", "Name", Text, Dec,
        NAME_TEXT;
    RESP_TYPE = "dns.resp.type", "Type", Uint, Dec,
        "What the record holds: 1 A, 28 AAAA, 5 CNAME, 16 TXT, 41 OPT (EDNS).";
    RESP_CLASS = "dns.resp.class", "Class", Uint, Hex(4),
        CLASS_TEXT;
    RESP_TTL = "dns.resp.ttl", "Time to live", Uint, Dec,
        "How many seconds the answer may be cached.";
    RESP_LEN = "dns.resp.len", "Data length", Uint, Dec,
        "The record data's length in bytes.";
    A = "dns.a", "Address", Ipv4, Dec,
        "The IPv4 address the name stands for: what getaddrinfo() gives the program.";
    AAAA = "dns.aaaa", "AAAA Address", Ipv6, Dec,
        "The IPv6 address the name stands for.";
    CNAME = "dns.cname", "CNAME", Text, Dec,
        "The name is an alias: this is its canonical name, looked up in turn.";
    NS = "dns.ns", "Name Server", Text, Dec,
        "A server responsible for the name.";
    PTR = "dns.ptr.domain_name", "Domain Name", Text, Dec,
        "The name of an address (reverse lookup).";
    MX_PREFERENCE = "dns.mx.preference", "Preference", Uint, Dec,
        "Lower is tried first.";
    MX_EXCHANGE = "dns.mx.mail_exchange", "Mail Exchange", Text, Dec,
        "The server that takes mail for the name.";
    TXT_LENGTH = "dns.txt.length", "TXT Length", Uint, Dec,
        "The length of the text string that follows.";
    TXT = "dns.txt", "TXT", Text, Dec,
        "Free text published under the name.";
    UDP_PAYLOAD_SIZE = "dns.rr.udp_payload_size", "UDP payload size", Uint, Dec,
        "EDNS: the largest UDP answer the sender can take.";
    EXT_RCODE = "dns.resp.ext_rcode", "Higher bits in extended RCODE", Uint, Hex(2),
        "EDNS: more bits of the reply code.";
    EDNS0_VERSION = "dns.resp.edns0_version", "EDNS0 version", Uint, Dec,
        "EDNS's version, 0.";
    EDNS_Z = "dns.resp.z", "Z", Uint, Hex(4),
        "EDNS flags.";
    EDNS_DO = "dns.resp.z.do", "DO bit", Bool, Dec,
        "DNSSEC OK: the sender wants signatures with the answer.";
}
