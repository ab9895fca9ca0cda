# layerscope — English.
#
# Every sentence a person reads, in Project Fluent's format (https://projectfluent.org).
# The same message ids exist in zh-CN.ftl and zh-TW.ftl; a file of the same name in
# ~/.config/layerscope/locales/ (Windows: %APPDATA%\layerscope\locales\, macOS:
# ~/Library/Application Support/layerscope/locales/) overrides single messages at start.
# Terms follow docs/glossary.md. Wireshark field names, protocol names and TCP state names
# stay in English in every language.
#
# Two kinds of message live only in the Chinese files, because their English is kept
# where the code declares them: field-* (a field's explanation; the English is in the
# field registry, crates/wire/src/registry) and cli-* (--help; the English is the doc
# comments in src/cli). An English override file may still correct them.

## Layers of the OSI model
osi-1 = Physical
osi-2 = Data link
osi-3 = Network
osi-4 = Transport
osi-5 = Session
osi-6 = Presentation
osi-7 = Application

## Layers of the TCP/IP model
tcpip-link = Link
tcpip-internet = Internet
tcpip-transport = Transport
tcpip-application = Application

## Units of data
pdu-frame = frame
pdu-packet = packet
pdu-segment = segment
pdu-datagram = datagram
pdu-data = data


## What a segment does in the connection's life
role-syn = handshake 1/3: SYN
role-syn-ack = handshake 2/3: SYN-ACK
role-handshake-ack = handshake 3/3: ACK
role-fin = teardown: FIN
role-final-ack = teardown: final ACK
role-rst = reset: RST
role-refused = refused: RST, no listener
role-rst-ignored = RST outside the window: ignored

## Menus
menu-file = File
menu-open = Open…
menu-open-recent = Open recent
menu-no-recent = No recent files
menu-open-bundled = Open the bundled echo capture
menu-save-as = Save packets as…
menu-quit = Quit
menu-capture = Capture
menu-stop-capture = Stop capture
menu-start-capture = Start capture
menu-run-demo = Run a demo (capture + our server and client):
menu-demo-filter = capture filter "{ $filter }"
menu-demo-interactive = Interactive: type the lines the client sends
menu-capture-port = Capture port
menu-on-loopback = on loopback
menu-on-loopback-tip = Watch your own socket programs on this port
menu-replay = Replay this capture
menu-view = View
menu-time-column = Time column
menu-follow-new = Follow new packets while capturing
menu-show-welcome = Show the welcome strip
menu-theme = Theme
theme-system = 💻 System
theme-light = ☀ Light
theme-dark = 🌙 Dark
theme-to-light = Switch to the light theme
theme-to-dark = Switch to the dark theme
menu-language = 🌐 Language
menu-help = Help
menu-keyboard = Keyboard
menu-keys =
    Ctrl+O  open a capture
    Ctrl+S  save packets
    Ctrl+E  start / stop capture
    Ctrl+F  display filter
    ↑ ↓ PgUp PgDn Home End  move in the list
time-relative = Seconds since first packet
time-absolute = Time of day (UTC)
time-delta = Seconds since previous packet

## The capture bar and the display filter
capture-interface = Interface
capture-no-interface = (none)
capture-interface-loopback = { $name }  (loopback)
capture-filter = Capture filter
capture-filter-hint = BPF, e.g. tcp port 8888
capture-stop = ⏹ Stop
capture-stop-tip = Stop the capture (Ctrl+E)
capture-start = ⏺ Start
capture-start-tip = Capture on this interface (Ctrl+E)
capture-follow = Follow
capture-follow-tip = Scroll to new packets while capturing
filter-label = Display filter
filter-hint = e.g. tcp.port == 8888 && tcp.flags.syn == 1   (Enter applies)
filter-apply = Apply
filter-clear = Clear
filter-invalid = Invalid filter: { $error }

## Banners and the main views
banner-leftover = A capture from { $when } ({ $kb } KB) was not closed properly (the window crashed or was killed); nothing captured was lost.
banner-open-it = Open it
banner-discard = Discard
banner-error = ⚠ Error:
banner-dismiss = Dismiss
view-packets = Packets
view-packets-tip = Every packet, one row each
view-ladder = TCP ladder
view-ladder-tip = The selected connection as a sequence diagram
view-encapsulation = Encapsulation
view-encapsulation-tip = Watch the selected packet go down the sender's stack and up the receiver's
view-headers = Header diagram
view-headers-tip = The selected packet's headers, 32 bits a row
view-follow = Follow stream
view-follow-tip = The selected conversation as the two programs saw it, and its messages against its segments
export-title = Export diagram

## Dialogs
permission-heading = Capturing needs permission
permission-why = Reading packets from an interface needs the CAP_NET_RAW capability (or root). layerscope keeps that privilege in one small helper, which captures and streams the packets to this window and gives the privilege up once the interface is open. Let your group run the helper, once, in a terminal:
permission-copy = Copy
permission-relogin = Log out and in again after joining the group. Every rebuild of the helper drops the capability again.
permission-libpcap-said = What libpcap said
permission-replay-recording = Replay the recording of this demo
permission-replay-recording-tip = captures/{ $file }, played back as if live
permission-open-file = Open a file instead…
permission-open-bundled = Open the bundled capture
dialog-close = Close
dialog-cancel = Cancel
save-heading = Save packets
save-file = File
save-browse = Browse…
save-format-note = A name ending in .pcapng writes pcapng; anything else writes pcap.
save-all = All packets ({ $n })
save-displayed = Displayed packets ({ $n })
save-save = Save
file-dialog-open = Open
file-dialog-new-folder = New folder
file-dialog-new-folder-name = New folder
file-dialog-rename = Rename
file-dialog-refresh = Refresh
file-dialog-parent = Parent folder
file-dialog-file = File:
file-dialog-show-hidden = Show hidden files
open-title = Open a capture
open-captures = Captures (pcapng, pcap)
open-all-files = All files

## The welcome strip
welcome-title = Welcome to layerscope.
welcome-text = Each row is one packet; click it to see its layers and the bytes each layer added. Start with:
welcome-capture-loopback = 📡 Capture loopback
welcome-capture-loopback-tip = Capture on the loopback interface with the filter in the toolbar
welcome-open = 📂 Open file…
welcome-open-tip = Open a pcap or pcapng capture (Ctrl+O)
welcome-echo-demo = ▶ Run echo demo
welcome-echo-demo-tip = Capture tcp port 8888 on loopback while a built-in echo server and client exchange "Hello, server!"
welcome-hide = Hide this strip

## The status bar
status-capturing = ● Capturing on { $what }
status-loading = Loading { $what }
status-loaded = Loaded { $what }
status-stopped = Capture stopped: { $what }
status-cancelled = Loading cancelled: { $what }
status-damaged = { $what } (damaged)
status-failed = { $what } (failed)
status-packets = Packets: { $n }
status-displayed = Displayed: { $n }
status-dropped = Dropped: { $n } (interface: { $interface })
status-timing = first rows { $first } ms · loaded in { $done } s

## The layer stack beside the tree
stack-heading = Layers in this packet
stack-models = OSI model · TCP/IP model
stack-not-in-tcpip = not present in TCP/IP; handled by the application
stack-no-wire = no wire: the kernel hands the frame to itself
stack-bits-not-captured = bits on the wire: not captured
stack-absent = absent

## The header diagram view
headers-select = Select a packet to see its headers.
headers-help = Each row is 32 bits, as in the RFCs. Hover a box for its meaning; click it to find its bytes.
export-button = Export…

## The bytes pane
hex-heading = Bytes
hex-tab-frame = Frame ({ $n } bytes)
hex-tab-reassembled = Reassembled TCP ({ $n } bytes from { $segments } segments)
hex-tab-reassembled-short = in the reassembled message
hex-not-captured = ▫ { $n } header bytes not captured: the snapshot length cut the frame
hex-byte = byte { $i }: { $value }
hex-byte-missing = byte { $i }: not captured
hex-byte-missing-tip = byte { $i }: not captured (the snapshot length cut the header here)
hex-bits = bits of bytes { $first }–{ $last }:

## The layers tree
layer-heading = { $tcpip } · OSI { $osi } ({ $osiname }) · { $protocol } { $pdu }
layers-select = Select a packet to see its layers.
layers-frame = Frame { $frame }: { $wire } bytes on the wire, { $captured } captured
layers-stopped = ⚠ Dissection { $reason }
layers-size-cut = { $full }-byte header, { $hdr } captured
layers-size-data = { $hdr } bytes
layers-size-payload = { $hdr }-byte header + { $payload } bytes of payload
layers-size-empty = { $hdr }-byte header, no payload
layers-pos-bits = bytes { $first }–{ $last }, bits { $bit }–{ $lastbit } of them
layers-pos-byte = byte { $first }
layers-pos-bytes = bytes { $first }–{ $last }

## The packet list
list-waiting = Waiting for packets… (the capture filter lets only matching packets through)
list-loading = Loading…
list-no-match = No packet matches the display filter.
list-empty = No packets.
column-number = No.
column-time = Time
column-source = Source
column-destination = Destination
column-protocol = Protocol
column-length = Length
column-info = Info

## Stepping controls (replay, encapsulation)
step-back = ⏮ Back
step-pause = ⏸ Pause
step-play = ▶ Play
step-next = Next ⏭
step-speed = Speed

## Replay
replay-heading = Replay
replay-original-timing = Original timing
replay-original-timing-tip = Packets at the pace they were captured (× speed); otherwise one per second (× speed)
replay-position = Packet { $shown } of { $n }
replay-exit = Exit replay
replay-scrub-tip = Drag to replay up to any packet
replay-mark-handshake = handshake
replay-mark-data = data
replay-mark-teardown = teardown
replay-mark-reset = reset

## The demo strip
demo-running = Demo: { $title }
demo-filter = (capture filter "{ $filter }")
demo-send = Send
demo-send-hint = type a line, Enter sends
demo-close = Close connection
demo-in-progress = running…
demo-answer = server answered: { $reply }

## The TCP ladder view
ladder-stream-ends = { $name } { $stream } · { $a } ⇄ { $b } · { $n } packets
ladder-none = No TCP stream or UDP conversation in this capture yet.
ladder-stream = Stream
ladder-raw = Raw numbers
ladder-raw-tip = Show the sequence numbers as sent instead of counting from 0
ladder-export-svg = Export SVG…
ladder-export-png = Export PNG…
ladder-truncated = Showing the first { $shown } of { $n } packets of this stream.
ladder-frame = Frame { $frame }: { $label }{ $role }
ladder-help = Hover an arrow to see how its numbers come about; click it to select the packet.

## TCP states: the short meaning in the ladder's boxes (Chinese only; English shows the name)
state-short-closed = CLOSED
state-short-listen = LISTEN
state-short-no-listener = no listener
state-short-syn-sent = SYN-SENT
state-short-syn-received = SYN-RECEIVED
state-short-established = ESTABLISHED
state-short-fin-wait-1 = FIN-WAIT-1
state-short-fin-wait-2 = FIN-WAIT-2
state-short-close-wait = CLOSE-WAIT
state-short-closing = CLOSING
state-short-last-ack = LAST-ACK
state-short-time-wait = TIME-WAIT

## Expert notes (Wireshark's wording in English)
note-tcp-analysis-spurious_retransmission = This frame is a (suspected) spurious retransmission
note-tcp-analysis-fast_retransmission = This frame is a (suspected) fast retransmission
note-tcp-analysis-retransmission = This frame is a (suspected) retransmission
note-tcp-analysis-lost_segment = Previous segment(s) not captured (common at capture start)
note-tcp-analysis-ack_lost_segment = ACKed segment that wasn't captured (common at capture start)
note-tcp-analysis-keep_alive = TCP keep-alive segment
note-tcp-analysis-zero_window_probe = TCP Zero Window Probe
note-tcp-analysis-zero_window = TCP Zero Window segment
note-tcp-analysis-window_update = TCP window update
note-tcp-analysis-window_full = TCP window specified by the receiver is now completely full
note-tcp-analysis-reused_ports = A new tcp session is started with the same ports as an earlier session in this trace
note-tcp-analysis-out_of_order = This frame is a (suspected) out-of-order segment
note-tcp-analysis-keep_alive_ack = ACK to a TCP keep-alive segment
note-tcp-analysis-zero_window_probe_ack = ACK to a TCP Zero Window Probe
note-tcp-connection-rst = Connection reset (RST)
note-duplicate-ack = Duplicate ACK (#{ $n }) of frame { $frame }

## The ladder drawing
ladder-client = client
ladder-server = server
ladder-first-sender = first sender
ladder-peer = peer
ladder-title-tcp = TCP stream { $stream }
ladder-title-udp = UDP conversation { $stream }
ladder-columns = No.   time (s)
ladder-client-to-server = client → server
ladder-server-to-client = server → client
ladder-arrow = frame { $frame } { $dir }: { $label }
ladder-phase-handshake = 3-way handshake
ladder-phase-teardown = teardown
ladder-phase-reset = reset

## The arithmetic of sequence and acknowledgment numbers
arith-isn = Seq 0: the { $who } picked the initial sequence number { $isn } at random; Wireshark shows it as 0 and counts from there
arith-seq = Seq { $seq } = { $before } + { $consumed }
arith-seq-repeat = Seq { $seq } repeats an earlier segment's number (the same bytes sent again, or nothing new to send)
arith-ack-syn = the { $other }'s ISN ({ $isn }) + 1, because a SYN counts as one byte
arith-ack-fin = the { $other }'s FIN at { $fin } + 1, because a FIN counts as one byte
arith-ack = Ack { $ack } = { $what }: the next byte the { $who } expects from the { $other }
arith-ack-plain = Ack { $ack }: the next byte the { $who } expects from the { $other }
arith-rst = RST: the { $who } aborts the connection; no more data either way
arith-rst-refused = RST: no program listens on the { $who }'s port; its TCP answers the SYN with a RST, and the client's connect() fails with "Connection refused"
arith-rst-ignored = RST with a sequence number outside the { $other }'s window: dropped unread (RFC 9293), the connection goes on; a blind reset attempt looks like this
arith-data-bytes = { $n } bytes of data
arith-one-syn = 1 for the SYN
arith-one-fin = 1 for the FIN

## The header diagrams
diagram-size-cut = { $full } bytes, { $captured } captured
diagram-size = { $n } bytes
diagram-header-title = { $protocol } header ({ $standard }) · { $size } · OSI { $osi } · { $tcpip }
diagram-not-captured-snaplen = not captured (snapshot length)
diagram-not-captured = not captured

## Encapsulation: the sides and the steps
encap-side-sender = Sender · encapsulation
encap-side-wire = On the wire
encap-side-receiver = Receiver · decapsulation
pdu-bits = bits
piece-data = { $protocol } data
piece-message = { $protocol } message
piece-header = { $protocol } header
piece-no-app-data = no app data
encap-app-send-title = Application hands its bytes to the socket
encap-app-send = the program writes { $n } bytes { $preview } with send()/write()
encap-app-send-none-tcp = no application data: this segment is TCP's own signalling (the kernel sends it to open, acknowledge or close the connection)
encap-app-send-none-udp = no application data: the program sent an empty datagram
encap-builds-message = { $protocol } builds its { $n }-byte message
encap-adds-header-cut = { $protocol } adds its { $n }-byte header (only { $captured } captured)
encap-adds-header = { $protocol } adds its { $n }-byte header
encap-step-title = { $tcpip } layer (OSI { $osi } { $osiname }): { $what }
encap-in-out = { $before } bytes in, { $after } bytes out: the { $protocol } { $pdu }
encap-wire-title = Physical layer (OSI 1): the wire
encap-wire-loopback = no physical layer on loopback: the kernel hands the { $n }-byte frame to itself
encap-wire-card = the network card turns the { $n }-byte frame into signals on the medium
encap-wire-trailer = { $n } bytes of padding or trailer travel after the packet
encap-nothing-left = nothing is left
encap-goes-up = { $n } bytes go up
encap-reads-message = the kernel reads the { $protocol } message
encap-removes-header = { $protocol } checks and removes its header
encap-check-then = { $check }; { $next }
encap-app-recv-title = Application receives the bytes
encap-app-recv = recv()/read() returns { $n } bytes { $preview }: no headers left
encap-app-recv-none = nothing for the application: the segment was control information only
encap-step-of = Step { $step } of { $count } · { $side }
encap-size-unit = size { $before } → { $after } bytes · unit: { $pdu }
encap-header-bytes = header bytes: { $hex }
encap-bytes-before-after = { $before } → { $after } bytes
encap-osi-tcpip = OSI { $osi } · { $tcpip }

## What a header tells, in the encapsulation steps
fact-dst-mac = destination MAC { $v }
fact-src-mac = source MAC { $v }
fact-ethertype = EtherType { $v }
fact-protocol = protocol { $v }
fact-family = address family { $v }
fact-vlan = VLAN { $v }
fact-addresses = source { $src } → destination { $dst }
fact-ttl = TTL { $ttl }, protocol { $proto }
fact-ip-length = total length { $len }, identification { $id }
fact-hop-limit = hop limit { $hlim }, next header { $nxt }
fact-payload-length = payload length { $v }
fact-ports = ports { $src } → { $dst }
fact-seq-ack = seq { $seq } (raw { $seqraw }), ack { $ack } (raw { $ackraw })
fact-flags-window = flags { $flags }, window { $window }
fact-udp-length = length { $len }, checksum { $checksum }
fact-type-code = type { $kind }, code { $code }
fact-opcode = opcode { $v }
fact-arp-sender = sender { $ip } ({ $mac })
fact-arp-target = target { $v }
fact-type = type { $v }
fact-raw = no link header: the packet starts with IP

## What the receiving layer checks
check-ethernet = the frame is addressed to { $dst } (this host); EtherType { $ethertype } says who gets the payload
check-ipv4 = destination { $dst } is this host; protocol { $proto } says which transport gets the payload
check-ipv6 = destination { $dst } is this host; next header { $nxt } says which transport gets the payload
check-tcp = destination port { $port } finds the socket; seq { $seq } is the next byte it expects
check-udp = destination port { $port } finds the socket; the datagram is delivered whole
check-icmp = the kernel handles ICMP itself: no application socket receives it
check-arp = the kernel's ARP cache handles it: no application involved
check-other = the { $protocol } header is read and removed

## The three layer models side by side
model-five-layer = 5-layer
model-no-own-header = no own header
model-tcpip-application = Application
model-tcpip-transport = Transport
model-tcpip-internet = Internet
model-tcpip-link = Link
model-five-application = Application
model-five-transport = Transport
model-five-network = Network
model-five-link = Link
model-five-physical = Physical

## The encapsulation view
encap-select = Select a packet to watch it being encapsulated.
encap-nothing = Nothing to show for this packet.
step-restart = ⟲ Restart
encap-step-count = Step { $step } of { $n }
encap-export-all = Export all steps…

## Damaged files and failed captures
mixed-interfaces-file = { $file } is not damaged, but libpcap cannot read it past packet { $n }: its interfaces differ in snapshot length or link type ({ $reason }). Rewrite it with one snapshot length: editcap -F pcap { $file } copy.pcap (one link type), or split it per interface: tshark -r { $file } -Y "frame.interface_id == 0" -w part0.pcapng
reassembly-limit = { $n } application messages were too large to join ({ $each } MiB each, { $all } MiB in all): their segments are shown one by one
damaged-file = { $file } is damaged after packet { $n }: { $reason }; the { $n } complete packets before it are shown
damaged-stream = the stream is damaged after packet { $n }: { $reason }; the { $n } complete packets before it are shown
failed-permission = { $reason } (the permission panel shows how to allow it)
failed-after = { $reason }; the { $n } packets before it are shown
origin-stdin = standard input

## Demos
demo-no-teardown = The capture did not see the end of the { $name } demo within { $secs } s; it stopped with what it has.
demo-recording-replayed = This is a recording of the "{ $title }" demo, replayed: capturing is not permitted here.
demo-title-tcp-echo = TCP echo on 8888
demo-title-upper = Uppercase server on 3234, two clients
demo-title-udp-echo = UDP echo on 9999
demo-title-json = JSON over TCP on 9999
demo-title-tcp-echo-v6 = TCP echo over IPv6 (::1)
demo-title-refused = Connect to a closed port (RST)
demo-title-large = Large transfer, 200 KB
demo-title-sticky = "Sticky packets": three sends, one recv, on 3234
demo-about-tcp-echo = TCP echo on 127.0.0.1:8888: "Hello, server!" and two more lines, then close.
demo-about-upper = Uppercase server on 3234, two clients one after the other.
demo-about-udp-echo = UDP echo on 9999: two datagrams, no connection at all.
demo-about-json = JSON over TCP on 9999: a request object, a {"{"}"status": "success", ...{"}"} answer.
demo-about-tcp-echo-v6 = TCP echo over IPv6 loopback (::1), port 8888.
demo-about-refused = Connect to 8889 where nothing listens: SYN answered by RST.
demo-about-large = 200 KB through the echo server on 8890: window scaling and window updates at work.
demo-about-sticky = Three send() calls from the client, one recv() on the server: TCP delivers a byte stream, so the server reads "helloworld中文" in one piece. Open the follow view to see where the sends were.
demo-title-command = Remote command, made safe: a length before each answer (3234)
demo-about-command = The client sends date, ls and ipconfig; the server answers each from a fixed, harmless table (it never runs what it receives), with the answer's length in 4 bytes first — the framing that cures sticky packets. See it in Follow stream ▸ Messages vs segments.
demo-title-download = File download: 48 KB behind its length (3235)
demo-about-download = The server sends a file's length, then the file, over many segments; the client prints its SHA-256. Save the server's bytes from the follow view and compare.
demo-title-http = HTTP: a GET and a JSON POST (8000)
demo-about-http = A GET answered with Content-Length, then a POST of json.dumps({"{"}'name': '小飞机'{"}"}) answered with JSON, one connection each: request line, headers, an empty line, the body.

## The command line's human text
say-wrote = wrote { $path }
say-warning = warning: { $text }
say-demo-start = demo { $name }: { $title } (capture filter "{ $filter }")
say-demo-no-teardown = the capture did not see the demo's end within { $secs } s; stopping it with what it has
text-frame-cut = frame cut by the capture's snapshot length: { $captured } of { $wire } bytes captured
text-layer-heading = { $protocol } · OSI { $osi } { $osiname } · TCP/IP { $tcpip } · { $protocol } { $pdu } · bytes { $start }..{ $end } ({ $size })
text-layer-reassembled = {" "}· in the reassembled message
flow-tcp-title = TCP stream { $stream }: client { $client } ⇄ server { $server }
flow-udp-title = UDP conversation { $i }: { $a } ⇄ { $b }
flow-frame = frame
flow-time = time (s)
flow-data = data { $text }

## layerscope follow
follow-tcp-title = TCP stream { $stream }: { $a } ⇄ { $b }
follow-udp-title = UDP stream { $stream }: { $a } ⇄ { $b }
follow-client = client { $addr }
follow-server = server { $addr }
follow-sizes = { $a } sent { $ab } bytes ({ $enca }) · { $b } sent { $ba } bytes ({ $encb })
follow-binary = not text
follow-run = { $who } · { $frames } · { $n } bytes
follow-frames = { $n ->
    [one] frame { $list }
   *[other] frames { $list }
}
follow-missing = [{ $n } bytes missing in the capture]
follow-dropped = { $n } bytes of this stream were not kept: it is longer than layerscope keeps of one stream (64 MiB)
follow-none = no { $proto } stream matches
follow-save-one = --save writes one stream, and { $n } match: choose one with --stream
follow-saved = wrote { $n } bytes of { $stream } to { $path } (SHA-256 { $sha })
follow-search = Search…
follow-search-tip = Find text in this conversation (not case-sensitive)
follow-conversation = Conversation
follow-conversation-tip = Each side's bytes in order, as the receiving program read them
follow-messages = Messages vs segments
follow-messages-tip = Where the sender's messages begin and end, against the segments TCP cut its bytes into (sticky packets)
follow-copy = Copy text
follow-json-decoded = JSON, as json.loads reads it: { $json }
follow-save = Save bytes
follow-save-side = Save what { $who } sent…
follow-save-title = Save one side's bytes exactly as sent
follow-hits = { $n ->
    [one] 1 chunk matches
   *[other] { $n } chunks match
}
follow-truncated = Showing the first { $shown } of { $n } chunks; Save writes them all
follow-chunk = frame { $frame } · { $n } bytes
follow-chunk-tip = Click to select this frame in the packet list
follow-stream-explained = TCP carries a stream of bytes, not messages: the program's send() and recv() calls are not on the wire. The kernel cuts the bytes into segments as it sees fit — Nagle's algorithm may merge small sends into one segment, a large send takes several — and each recv() returns whatever has arrived, up to its buffer size. Only the application's own framing says where a message ends.
follow-side-heading = { $who } → { $to }: { $segments ->
    [one] 1 segment
   *[other] { $segments } segments
}, { $messages ->
    [one] 1 message
   *[other] { $messages } messages
}
follow-framing-newline = Framing: one message per line, each ending with "\n" ({ $n } here). The receiver reads up to each newline, whichever segments the bytes came in.
follow-framing-prefix-be = Framing: each message starts with its length in 4 bytes, network byte order — struct.pack('!I', n) ({ $n } messages here). The receiver reads 4 bytes, then exactly that many: sticky packets cured.
follow-framing-prefix-le = Framing: each message starts with its length in 4 bytes, little-endian — struct.pack('i', n) on a PC ({ $n } messages here). The receiver reads 4 bytes, then exactly that many: sticky packets cured.
follow-framing-json = Framing: JSON values one after another ({ $n } here). Nothing but the JSON itself marks where one ends, so the receiver must parse to find it (json.JSONDecoder().raw_decode).
follow-framing-none = No framing: nothing in these bytes marks where one send() ended and the next began. Here they travelled in { $segments ->
    [one] 1 segment
   *[other] { $segments } segments
} (the blocks below), but a receiver that calls recv() once may get several sends together (sticky packets, 粘包) or part of one (拆包). The cure: a length prefix or a delimiter for each message.
follow-segments-heading = On the wire — each segment (on loopback, usually one send()):
follow-segment-line = frame { $frame } · { $n } bytes · { $text }
follow-messages-heading = What the receiver can tell apart — the messages of its framing:
follow-message-line = #{ $i } · { $n } bytes · frames { $frames } ({ $segments ->
    [one] 1 segment
   *[other] { $segments } segments
}) · { $text }

lab-recording = Lab: recording its loopback into { $file }; it has no network beyond that loopback, and ends when the command exits
lab-no-such = there is no lab named { $name } (it ended, or was never started)
lab-linux-only = the private lab needs Linux's user and network namespaces; on this system capture with the capture helper (see `layerscope --help`)
lab-ended-by-signal = the lab's command was ended by a signal
lab-refused = this system refuses unprivileged user namespaces ({ $reason }). Ask an administrator to allow them (`sysctl -w kernel.unprivileged_userns_clone=1`, or `user.max_user_namespaces` above 0), or to give the capture helper its capability once (see the README's "Capturing without root")
lab-no-capability = the lab was created but grants no capability inside it ({ $reason }). On Ubuntu 23.10 and later, AppArmor restricts unprivileged user namespaces: an administrator can allow them (`sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`) or give the capture helper its capability once (see the README's "Capturing without root")
lab-no-ip = the lab cannot bring its loopback up: `ip` (iproute2) did not run ({ $reason }); install iproute2

## The window's private lab (Linux)
origin-lab = private lab { $name }
menu-private-lab = Private lab (no root needed)
menu-private-lab-tip = A network of its own, with only its own loopback: the programs you run in it are captured without any privilege, and end with it.
lab-panel-title = Private lab
lab-panel-name = Lab: { $name }
lab-panel-about = Its programs see only the lab's own loopback (127.0.0.1, ::1): no network beyond it. Everything they send is shown live; nothing needs root. Closing the lab (or the window) ends every program in it.
lab-open-terminal = Open a terminal in the lab
lab-open-terminal-tip = A shell whose programs run in this lab: start your server and your client there.
lab-join-elsewhere = Or type this in any terminal of yours:
lab-copy = Copy
lab-run-program = Run a program in the lab:
lab-run = Run
lab-run-folder = It starts in { $folder }
lab-run-demo = A built-in demo:
lab-processes = Programs in the lab: { $n }
lab-no-processes = none yet
lab-started-here = Started from this window:
lab-running = running
lab-exited = exited with { $code }
lab-end = End the lab
lab-end-tip = Stops the capture and ends every program in the lab; the packets stay.
lab-no-terminal = no terminal program could be opened ({ $reason }). In a terminal of yours, type: { $command }
list-waiting-lab = Waiting for packets… Run a program in the lab (the panel on the right): everything it sends on the lab's loopback shows here.
