# layerscope — 简体中文。
#
# 界面上的每一句话，采用 Project Fluent 格式（https://projectfluent.org）。
# 消息编号与 en.ftl、zh-TW.ftl 一一对应；把同名文件放在 ~/.config/layerscope/locales/
# （Windows：%APPDATA%\layerscope\locales\，macOS：~/Library/Application Support/layerscope/locales/）
# 即可在启动时覆盖其中的单条消息。术语见 docs/glossary.md。Wireshark 字段名、协议名和
# TCP 状态名在所有语言中保持英文。

## Layers of the OSI model
osi-1 = 物理层
osi-2 = 数据链路层
osi-3 = 网络层
osi-4 = 传输层
osi-5 = 会话层
osi-6 = 表示层
osi-7 = 应用层

## Layers of the TCP/IP model
tcpip-link = 网络接口层（链路层）
tcpip-internet = 网际层
tcpip-transport = 传输层
tcpip-application = 应用层

## Units of data
pdu-frame = 帧
pdu-packet = 分组
pdu-segment = 报文段
pdu-datagram = 数据报
pdu-data = 数据


## What a segment does in the connection's life
role-syn = 三次握手 1/3：SYN
role-syn-ack = 三次握手 2/3：SYN-ACK
role-handshake-ack = 三次握手 3/3：ACK
role-fin = 四次挥手：FIN
role-final-ack = 四次挥手：最后的 ACK
role-rst = 重置：RST
role-refused = 拒绝：RST，没有程序在监听
role-rst-ignored = 窗口外的 RST：被忽略

## Menus
menu-file = 文件
menu-open = 打开…
menu-open-recent = 最近打开
menu-no-recent = 没有最近打开的文件
menu-open-bundled = 打开自带的回显抓包
menu-save-as = 保存数据包为…
menu-quit = 退出
menu-capture = 抓包
menu-stop-capture = 停止抓包
menu-start-capture = 开始抓包
menu-run-demo = 运行演示（抓包 + 内置服务器和客户端）：
menu-demo-filter = 捕获过滤器 "{ $filter }"
menu-demo-interactive = 交互模式：自己输入客户端要发送的内容
menu-capture-port = 抓取端口
menu-on-loopback = （回环接口）
menu-on-loopback-tip = 观察你自己的套接字程序在这个端口上的通信
menu-replay = 回放这次抓包
menu-view = 视图
menu-time-column = 时间列
menu-follow-new = 抓包时自动滚动到新数据包
menu-show-welcome = 显示欢迎栏
menu-theme = 主题
theme-system = 💻 跟随系统
theme-light = ☀ 浅色
theme-dark = 🌙 深色
theme-to-light = 切换到浅色主题
theme-to-dark = 切换到深色主题
menu-language = 🌐 语言
menu-help = 帮助
menu-keyboard = 键盘快捷键
menu-keys =
    Ctrl+O  打开抓包文件
    Ctrl+S  保存数据包
    Ctrl+E  开始 / 停止抓包
    Ctrl+F  显示过滤器
    ↑ ↓ PgUp PgDn Home End  在列表中移动
time-relative = 距第一个数据包的秒数
time-absolute = 当天时间（UTC）
time-delta = 距上一个数据包的秒数

## The capture bar and the display filter
capture-interface = 接口
capture-no-interface = （无）
capture-interface-loopback = { $name }  （回环）
capture-filter = 捕获过滤器
capture-filter-hint = BPF 语法，例如 tcp port 8888
capture-stop = ⏹ 停止
capture-stop-tip = 停止抓包（Ctrl+E）
capture-start = ⏺ 开始
capture-start-tip = 在这个接口上抓包（Ctrl+E）
capture-follow = 自动滚动
capture-follow-tip = 抓包时滚动到新数据包
filter-label = 显示过滤器
filter-hint = 例如 tcp.port == 8888 && tcp.flags.syn == 1（按回车应用）
filter-apply = 应用
filter-clear = 清除
filter-invalid = 过滤器无效：{ $error }

## Banners and the main views
banner-leftover = 有一次抓包（{ $when }，{ $kb } KB）没有正常结束（窗口崩溃或被强制关闭）；抓到的数据一个也没有丢。
banner-open-it = 打开它
banner-discard = 丢弃
banner-error = ⚠ 错误：
banner-dismiss = 关闭提示
view-packets = 数据包
view-packets-tip = 每个数据包占一行
view-ladder = TCP 时序图
view-ladder-tip = 把选中的连接画成时序图（梯形图）
view-encapsulation = 封装过程
view-encapsulation-tip = 看选中的数据包如何在发送方逐层封装、在接收方逐层解封装
view-headers = 首部结构图
view-headers-tip = 选中数据包的各层首部，每行 32 位
view-follow = 跟踪流
view-follow-tip = 以两端程序看到的样子显示选中的会话，并对照它的消息与报文段
export-title = 导出图表

## Dialogs
permission-heading = 抓包需要权限
permission-why = 从网络接口读取数据包需要 CAP_NET_RAW 能力（或 root 权限）。layerscope 只把这项权限交给一个小小的辅助程序：它负责抓包并把数据包传给本窗口，接口一打开就放弃权限。请在终端里执行一次下面的命令，让你所在的用户组可以运行这个辅助程序：
permission-copy = 复制
permission-relogin = 加入用户组后请注销并重新登录。每次重新编译辅助程序后都需要重新授予这项能力。
permission-libpcap-said = libpcap 的原始报错
permission-replay-recording = 回放这个演示的录制文件
permission-replay-recording-tip = captures/{ $file }，像实时抓包一样回放
permission-open-file = 改为打开文件…
permission-open-bundled = 打开自带的抓包文件
dialog-close = 关闭
dialog-cancel = 取消
save-heading = 保存数据包
save-file = 文件名
save-browse = 浏览…
save-format-note = 文件名以 .pcapng 结尾时保存为 pcapng 格式，否则保存为 pcap 格式。
save-all = 全部数据包（{ $n } 个）
save-displayed = 当前显示的数据包（{ $n } 个）
save-save = 保存
file-dialog-open = 打开
file-dialog-new-folder = 新建文件夹
file-dialog-new-folder-name = 新建文件夹
file-dialog-rename = 重命名
file-dialog-refresh = 刷新
file-dialog-parent = 上一级文件夹
file-dialog-file = 文件：
file-dialog-show-hidden = 显示隐藏文件
open-title = 打开抓包文件
open-captures = 抓包文件（pcapng、pcap）
open-all-files = 所有文件

## The welcome strip
welcome-title = 欢迎使用 layerscope。
welcome-text = 每一行是一个数据包；点击它即可看到它的各层，以及每一层添加的字节。从这里开始：
welcome-capture-loopback = 📡 抓取回环接口
welcome-capture-loopback-tip = 用工具栏里的过滤器在回环接口上抓包
welcome-open = 📂 打开文件…
welcome-open-tip = 打开 pcap 或 pcapng 抓包文件（Ctrl+O）
welcome-echo-demo = ▶ 运行回显演示
welcome-echo-demo-tip = 在回环接口上抓取 tcp port 8888，同时让内置的回显服务器和客户端互发 "Hello, server!"
welcome-hide = 隐藏这一栏

## The status bar
status-capturing = ● 正在抓包：{ $what }
status-loading = 正在加载 { $what }
status-loaded = 已加载 { $what }
status-stopped = 抓包已停止：{ $what }
status-cancelled = 已取消加载：{ $what }
status-damaged = { $what }（文件已损坏）
status-failed = { $what }（失败）
status-packets = 数据包：{ $n }
status-displayed = 已显示：{ $n }
status-dropped = 丢包：{ $n }（接口：{ $interface }）
status-timing = 首批行 { $first } 毫秒 · 加载完成 { $done } 秒

## The layer stack beside the tree
stack-heading = 这个数据包的各层
stack-models = OSI 模型 · TCP/IP 模型
stack-not-in-tcpip = TCP/IP 中没有此层，由应用程序自己处理
stack-no-wire = 没有线缆：内核把帧直接交给自己
stack-bits-not-captured = 线路上的比特，无法抓取
stack-absent = 无

## The header diagram view
headers-select = 选择一个数据包以查看它的首部。
headers-help = 和 RFC 一样，每行 32 位。鼠标悬停在方框上可查看含义，点击可找到对应的字节。
export-button = 导出…

## The bytes pane
hex-heading = 字节
hex-tab-frame = 帧（{ $n } 字节）
hex-tab-reassembled = 重组后的 TCP 数据（{ $n } 字节，来自 { $segments } 个报文段）
hex-tab-reassembled-short = 位于重组后的消息中
hex-not-captured = ▫ 有 { $n } 个首部字节没有抓到：抓包长度限制（snaplen）截断了这一帧
hex-byte = 字节 { $i }：{ $value }
hex-byte-missing = 字节 { $i }：未抓到
hex-byte-missing-tip = 字节 { $i }：未抓到（抓包长度限制在这里截断了首部）
hex-bits = 第 { $first }–{ $last } 字节的各位：

## The layers tree
layer-heading = { $tcpip } · OSI 第 { $osi } 层（{ $osiname }）· { $protocol } { $pdu }
layers-select = 选择一个数据包以查看它的各层。
layers-frame = 第 { $frame } 帧：线路上 { $wire } 字节，抓到 { $captured } 字节
layers-stopped = ⚠ 解析中止：{ $reason }
layers-size-cut = 首部 { $full } 字节，只抓到 { $hdr } 字节
layers-size-data = { $hdr } 字节
layers-size-payload = { $hdr } 字节首部 + { $payload } 字节载荷
layers-size-empty = { $hdr } 字节首部，没有载荷
layers-pos-bits = 第 { $first }–{ $last } 字节中的第 { $bit }–{ $lastbit } 位
layers-pos-byte = 第 { $first } 字节
layers-pos-bytes = 第 { $first }–{ $last } 字节

## The packet list
list-waiting = 正在等待数据包…（捕获过滤器只放行匹配的数据包）
list-loading = 正在加载…
list-no-match = 没有数据包匹配显示过滤器。
list-empty = 没有数据包。
column-number = 序号
column-time = 时间
column-source = 源地址
column-destination = 目的地址
column-protocol = 协议
column-length = 长度
column-info = 信息

## Stepping controls (replay, encapsulation)
step-back = ⏮ 上一步
step-pause = ⏸ 暂停
step-play = ▶ 播放
step-next = 下一步 ⏭
step-speed = 速度

## Replay
replay-heading = 回放
replay-original-timing = 按原始时间间隔
replay-original-timing-tip = 按抓包时的节奏播放数据包（× 速度）；否则每秒一个（× 速度）
replay-position = 第 { $shown } 个，共 { $n } 个数据包
replay-exit = 退出回放
replay-scrub-tip = 拖动即可回放到任意一个数据包
replay-mark-handshake = 握手
replay-mark-data = 数据
replay-mark-teardown = 挥手
replay-mark-reset = 重置

## The demo strip
demo-running = 演示：{ $title }
demo-filter = （捕获过滤器 "{ $filter }"）
demo-send = 发送
demo-send-hint = 输入一行文字，按回车发送
demo-close = 关闭连接
demo-in-progress = 运行中…
demo-answer = 服务器回复：{ $reply }

## The TCP ladder view
ladder-stream-ends = { $name } { $stream } · { $a } ⇄ { $b } · { $n } 个数据包
ladder-none = 这次抓包里还没有 TCP 流或 UDP 会话。
ladder-stream = 流
ladder-raw = 原始序号
ladder-raw-tip = 显示实际发送的序列号，而不是从 0 开始的相对序号
ladder-export-svg = 导出 SVG…
ladder-export-png = 导出 PNG…
ladder-truncated = 只显示这个流 { $n } 个数据包中的前 { $shown } 个。
ladder-frame = 第 { $frame } 帧：{ $label }{ $role }
ladder-help = 鼠标悬停在箭头上可以看到这些数字是怎么算出来的；点击箭头可选中对应的数据包。

## TCP states: the short meaning in the ladder's boxes (Chinese only; English shows the name)
state-short-closed = 已关闭
state-short-listen = 监听
state-short-no-listener = 无人监听
state-short-syn-sent = 同步已发送
state-short-syn-received = 同步已收到
state-short-established = 已建立连接
state-short-fin-wait-1 = 终止等待 1
state-short-fin-wait-2 = 终止等待 2
state-short-close-wait = 关闭等待
state-short-closing = 同时关闭
state-short-last-ack = 最后确认
state-short-time-wait = 时间等待

## Expert notes (Wireshark's wording in English)
note-tcp-analysis-spurious_retransmission = 这一帧（疑似）是伪重传
note-tcp-analysis-fast_retransmission = 这一帧（疑似）是快速重传
note-tcp-analysis-retransmission = 这一帧（疑似）是重传
note-tcp-analysis-lost_segment = 前面的报文段没有抓到（抓包刚开始时很常见）
note-tcp-analysis-ack_lost_segment = 确认了一个没有抓到的报文段（抓包刚开始时很常见）
note-tcp-analysis-keep_alive = TCP 保活报文段
note-tcp-analysis-zero_window_probe = TCP 零窗口探测
note-tcp-analysis-zero_window = TCP 零窗口报文段
note-tcp-analysis-window_update = TCP 窗口更新
note-tcp-analysis-window_full = 接收方通告的 TCP 窗口现在已经完全占满
note-tcp-analysis-reused_ports = TCP 端口号被重用：新连接用了之前连接的同一对端口
note-tcp-analysis-out_of_order = 这一帧（疑似）是乱序到达的报文段
note-tcp-analysis-keep_alive_ack = 对 TCP 保活报文段的确认
note-tcp-analysis-zero_window_probe_ack = 对 TCP 零窗口探测的确认
note-tcp-connection-rst = 连接被重置（RST）
note-duplicate-ack = 第 { $frame } 帧的重复 ACK（第 { $n } 次）

## The ladder drawing
ladder-client = 客户端
ladder-server = 服务器
ladder-first-sender = 先发送方
ladder-peer = 对端
ladder-title-tcp = TCP 流 { $stream }
ladder-title-udp = UDP 会话 { $stream }
ladder-columns = 序号   时间（秒）
ladder-client-to-server = 客户端 → 服务器
ladder-server-to-client = 服务器 → 客户端
ladder-arrow = 第 { $frame } 帧 { $dir }：{ $label }
ladder-phase-handshake = 三次握手
ladder-phase-teardown = 四次挥手
ladder-phase-reset = 重置

## The arithmetic of sequence and acknowledgment numbers
arith-isn = Seq 0：{ $who }随机选取了初始序列号 { $isn }；Wireshark 把它显示为 0，并从 0 开始计数
arith-seq = Seq { $seq } = { $before } + { $consumed }
arith-seq-repeat = Seq { $seq } 与之前某个报文段的序列号相同（同样的字节又发了一次，或者没有新数据要发）
arith-ack-syn = { $other }的初始序列号（{ $isn }）+ 1，因为 SYN 占一个序号
arith-ack-fin = { $other }的 FIN 序号 { $fin } + 1，因为 FIN 占一个序号
arith-ack = Ack { $ack } = { $what }：{ $who }期望从{ $other }收到的下一个字节
arith-ack-plain = Ack { $ack }：{ $who }期望从{ $other }收到的下一个字节
arith-rst = RST：{ $who }中止了连接，双方都不再传数据
arith-rst-refused = RST：{ $who }的这个端口上没有程序在监听，它的 TCP 用 RST 回答 SYN，客户端的 connect() 报错 “Connection refused”（连接被拒绝）
arith-rst-ignored = 序号落在{ $other }窗口之外的 RST：不读就丢弃（RFC 9293），连接照常继续；盲目伪造的重置就是这个样子
arith-data-bytes = { $n } 字节数据
arith-one-syn = SYN 占 1
arith-one-fin = FIN 占 1

## The header diagrams
diagram-size-cut = { $full } 字节，抓到 { $captured } 字节
diagram-size = { $n } 字节
diagram-header-title = { $protocol } 首部（{ $standard }）· { $size } · OSI 第 { $osi } 层 · { $tcpip }
diagram-not-captured-snaplen = 未抓到（抓包长度限制）
diagram-not-captured = 未抓到

## Encapsulation: the sides and the steps
encap-side-sender = 发送方 · 封装
encap-side-wire = 在线路上
encap-side-receiver = 接收方 · 解封装
pdu-bits = 比特
piece-data = { $protocol } 数据
piece-message = { $protocol } 报文
piece-header = { $protocol } 首部
piece-no-app-data = 无应用数据
encap-app-send-title = 应用程序把字节交给套接字
encap-app-send = 程序用 send()/write() 写入 { $n } 字节 { $preview }
encap-app-send-none-tcp = 没有应用数据：这个报文段是 TCP 自己的控制信令（内核为建立、确认或关闭连接而发送）
encap-app-send-none-udp = 没有应用数据：程序发送了一个空数据报
encap-builds-message = { $protocol } 构造了 { $n } 字节的报文
encap-adds-header-cut = { $protocol } 加上 { $n } 字节的首部（只抓到 { $captured } 字节）
encap-adds-header = { $protocol } 加上 { $n } 字节的首部
encap-step-title = { $tcpip }（OSI 第 { $osi } 层 { $osiname }）：{ $what }
encap-in-out = 进来 { $before } 字节，出去 { $after } 字节：{ $protocol } { $pdu }
encap-wire-title = 物理层（OSI 第 1 层）：线路
encap-wire-loopback = 回环接口没有物理层：内核把这 { $n } 字节的帧直接交给自己
encap-wire-card = 网卡把这 { $n } 字节的帧变成传输介质上的信号
encap-wire-trailer = 分组后面还跟着 { $n } 字节的填充或尾部
encap-nothing-left = 什么也不剩了
encap-goes-up = { $n } 字节交给上一层
encap-reads-message = 内核读取 { $protocol } 报文
encap-removes-header = { $protocol } 检查并去掉自己的首部
encap-check-then = { $check }；{ $next }
encap-app-recv-title = 应用程序收到字节
encap-app-recv = recv()/read() 返回 { $n } 字节 { $preview }：已经没有任何首部
encap-app-recv-none = 应用程序什么也收不到：这个报文段只有控制信息
encap-step-of = 第 { $step } 步，共 { $count } 步 · { $side }
encap-size-unit = 大小 { $before } → { $after } 字节 · 数据单元：{ $pdu }
encap-header-bytes = 首部字节：{ $hex }
encap-bytes-before-after = { $before } → { $after } 字节
encap-osi-tcpip = OSI 第 { $osi } 层 · { $tcpip }

## What a header tells, in the encapsulation steps
fact-dst-mac = 目的 MAC { $v }
fact-src-mac = 源 MAC { $v }
fact-ethertype = 以太网类型 { $v }
fact-protocol = 协议 { $v }
fact-family = 地址族 { $v }
fact-vlan = VLAN { $v }
fact-addresses = 源 { $src } → 目的 { $dst }
fact-ttl = TTL { $ttl }，协议 { $proto }
fact-ip-length = 总长度 { $len }，标识 { $id }
fact-hop-limit = 跳数限制 { $hlim }，下一个首部 { $nxt }
fact-payload-length = 载荷长度 { $v }
fact-ports = 端口 { $src } → { $dst }
fact-seq-ack = 序列号 { $seq }（原始值 { $seqraw }），确认号 { $ack }（原始值 { $ackraw }）
fact-flags-window = 标志位 { $flags }，窗口 { $window }
fact-udp-length = 长度 { $len }，校验和 { $checksum }
fact-type-code = 类型 { $kind }，代码 { $code }
fact-opcode = 操作码 { $v }
fact-arp-sender = 发送方 { $ip }（{ $mac }）
fact-arp-target = 目标 { $v }
fact-type = 类型 { $v }
fact-raw = 没有链路层首部：分组直接从 IP 开始

## What the receiving layer checks
check-ethernet = 这一帧发给 { $dst }（本机）；以太网类型 { $ethertype } 说明载荷交给谁
check-ipv4 = 目的地址 { $dst } 就是本机；协议字段 { $proto } 说明载荷交给哪个传输层协议
check-ipv6 = 目的地址 { $dst } 就是本机；下一个首部 { $nxt } 说明载荷交给哪个传输层协议
check-tcp = 目的端口 { $port } 找到对应的套接字；序列号 { $seq } 正是它期望的下一个字节
check-udp = 目的端口 { $port } 找到对应的套接字；整个数据报原样交付
check-icmp = ICMP 由内核自己处理：没有哪个应用程序的套接字会收到它
check-arp = 由内核的 ARP 缓存处理：与应用程序无关
check-other = 读取并去掉 { $protocol } 首部

## The three layer models side by side
model-five-layer = 五层模型
model-no-own-header = 没有自己的首部
model-tcpip-application = 应用层
model-tcpip-transport = 传输层
model-tcpip-internet = 网际层
model-tcpip-link = 网络接口层
model-five-application = 应用层
model-five-transport = 传输层
model-five-network = 网络层
model-five-link = 数据链路层
model-five-physical = 物理层

## The encapsulation view
encap-select = 选择一个数据包，看它是如何被封装的。
encap-nothing = 这个数据包没有可展示的内容。
step-restart = ⟲ 重新开始
encap-step-count = 第 { $step } 步，共 { $n } 步
encap-export-all = 导出全部步骤…

## The command line's help (English: the doc comments in src/cli; these exist in Chinese only)
cli-help-template =
    {"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
cli-heading-commands = 命令
cli-heading-arguments = 参数
cli-heading-options = 选项
cli-flag-help = 显示帮助
cli-flag-version = 显示版本
cli-about = 看清两个程序通过套接字通信时线路上真正发生了什么
cli-file = 要打开的抓包文件（pcap 或 pcapng）；不指定时打开自带的回显抓包
cli-read = 要打开的抓包文件；`-` 表示从标准输入读取 pcap 流（`tcpdump -U -w - port 8888 | layerscope -r -`）
cli-interface = 启动后立即在这个接口上抓包（例如 `lo`）
cli-capture_filter = 配合 `-i` 使用的 BPF 捕获过滤器，例如 "tcp port 8888"
cli-display_filter = 要应用的显示过滤器，使用 Wireshark 语法（例如 "tcp.flags.syn == 1"）
cli-select = 加载后选中这个帧号
cli-theme = 配色主题
cli-view = 启动时显示的视图
cli-replay = 加载后像实时抓包一样回放（每秒一个数据包）
cli-demo = 立即运行一个内置演示（通过抓包辅助程序在回环接口上抓包）
cli-lang = 窗口和说明文字使用的语言：en、zh-CN 或 zh-TW（默认跟随系统区域设置）
cli-dissect-about = 逐层解析抓包文件（文本格式类似 `tshark -V`，也可输出 JSON）
cli-dissect-file = pcap 或 pcapng 文件；`-` 表示从标准输入读取 pcap 流
cli-dissect-json = 输出 JSON 数组，每个数据包一个对象，键为 Wireshark 字段名
cli-dissect-summary = 每个数据包只输出一行摘要，而不是逐层展开
cli-dissect-count = 处理这么多个数据包后停止
cli-dissect-display_filter = 只输出匹配这个显示过滤器的数据包（Wireshark 的语法，同 tshark -Y）
cli-flow-about = 把每个 TCP 流（以及 UDP 会话）画成带有两端状态的时序图
cli-flow-file = 抓包文件（pcap 或 pcapng）
cli-flow-stream = 只画这一个 tcp.stream
cli-flow-display_filter = 只画含有匹配这个显示过滤器的数据包的流
cli-flow-svg = 同时把时序图保存为 SVG 文件（适合放进幻灯片，任何浏览器都能打开）
cli-flow-png = 同时把时序图保存为 PNG 文件
cli-flow-raw = 图中使用原始序列号和确认号，而不是相对值
cli-flow-theme = 图的配色
cli-follow-about = 跟踪一个 TCP 流或 UDP 会话：按顺序显示每一方发送的字节，可输出为文本、tshark 的原始十六进制，或保存到文件
cli-follow-file = 抓包文件（pcap 或 pcapng）；`-` 表示从标准输入读取 pcap 流
cli-follow-stream = 只跟踪这一个流（tcp.stream，配合 --udp 时为 udp.stream）；不指定时跟踪全部
cli-follow-udp = 跟踪 UDP 会话而不是 TCP 流
cli-follow-format = 每个流的输出格式
cli-follow-display_filter = 只跟踪含有匹配这个显示过滤器的数据包的流
cli-follow-save = 把一方发送的字节原样写入这个文件（只能是一个流）
cli-follow-direction = --save 写入哪一方的字节
cli-draw-about = 把一个数据包的首部结构图或封装步骤画成 SVG 或 PNG（按扩展名决定）
cli-draw-file = 抓包文件（pcap 或 pcapng）
cli-draw-view = 要画什么
cli-draw-frame = 帧号（从 1 开始）
cli-draw-output = 输出文件：`.svg` 或 `.png`
cli-draw-theme = 图的配色
cli-capture-about = 用 libpcap 实时抓包（需要 CAP_NET_RAW）
cli-capture-interface = 要抓包的接口（默认：按标志找到的回环接口：`lo`、`lo0` 或 Npcap 的回环接口）
cli-capture-filter = BPF 捕获过滤器，例如 "tcp port 8888"
cli-capture-write = 把数据包写到这里（.pcapng 或 .pcap；`-` 表示以 pcap 格式输出到标准输出）；不指定时每个数据包打印一行
cli-capture-count = 抓到这么多个数据包后停止
cli-capture-autostop = 停止条件，与 tshark 相同：`duration:秒数`（最长一年）
cli-capture-snaplen = 每个数据包保留的字节数（1 到 262144），同 tcpdump 的 -s：60、68 或 96 会像旧默认值那样截断首部
cli-demo-about = 录制一个内置演示：内置服务器和客户端通信时在回环接口上抓包
cli-demo-scenario = 要运行哪个演示
cli-demo-write = 把抓包写到这里（.pcapng 或 .pcap）；不指定时写到临时文件
cli-demo-interface = 要抓包的接口（默认：按标志找到的回环接口：`lo`、`lo0` 或 Npcap 的回环接口）
cli-demo-interactive = 同时发送从标准输入键入的每一行（TCP 演示），直到输入结束
cli-interfaces-about = 列出网络接口及其地址和标志
cli-echo-about = 回显演示的服务器和客户端
cli-echo-server-about = 运行回显（或转大写）服务器
cli-echo-server-proto = 传输层协议
cli-echo-server-listen = 监听的地址和端口
cli-echo-server-mode = `echo` 原样发回每条消息；`upper` 转成大写后发回
cli-echo-server-max_sessions = 服务完这么多个客户端（TCP）或数据报（UDP）后退出
cli-echo-server-max_clients = 同时连接的客户端数上限
cli-echo-server-idle_timeout = 客户端空闲这么多秒后断开它
cli-echo-client-about = 连接服务器、发送消息并打印回复
cli-echo-client-proto = 传输层协议
cli-echo-client-connect = 服务器的地址和端口
cli-echo-client-message = 要发送的消息（重复这个选项可发送多条）
cli-echo-client-count = 把消息发送这么多次
cli-echo-client-interactive = 同时发送从标准输入键入的每一行
cli-echo-client-timeout = 等待回复的秒数

## Damaged files and failed captures
mixed-interfaces-file = { $file } 没有损坏，但 libpcap 读到第 { $n } 个数据包之后就无法继续：它的各个接口的快照长度或链路类型不同（{ $reason }）。可以用统一的快照长度重写：editcap -F pcap { $file } copy.pcap（只有一种链路类型时），或按接口拆分：tshark -r { $file } -Y "frame.interface_id == 0" -w part0.pcapng
reassembly-limit = { $n } 条应用消息太大，无法拼接（每条上限 { $each } MiB，合计 { $all } MiB）：它们的报文段逐个显示
damaged-file = { $file } 在第 { $n } 个数据包之后损坏：{ $reason }；已显示损坏处之前完整的 { $n } 个数据包
damaged-stream = 数据流在第 { $n } 个数据包之后损坏：{ $reason }；已显示损坏处之前完整的 { $n } 个数据包
failed-permission = { $reason }（权限面板里有开通方法）
failed-after = { $reason }；已显示之前的 { $n } 个数据包
origin-stdin = 标准输入

## Demos
demo-no-teardown = 抓包在 { $secs } 秒内没有看到 { $name } 演示的结束；已按现有内容停止。
demo-recording-replayed = 这是「{ $title }」演示的录制文件，正在回放：这台机器上没有抓包权限。
demo-title-tcp-echo = TCP 回显（端口 8888）
demo-title-upper = 转大写服务器（端口 3234），两个客户端
demo-title-udp-echo = UDP 回显（端口 9999）
demo-title-json = 基于 TCP 的 JSON（端口 9999）
demo-title-tcp-echo-v6 = IPv6 上的 TCP 回显（::1）
demo-title-refused = 连接一个没有监听的端口（RST）
demo-title-large = 大数据传输，200 KB
demo-title-sticky = “粘包”：三次 send，一次 recv（端口 3234）
demo-about-tcp-echo = 127.0.0.1:8888 上的 TCP 回显："Hello, server!" 再加两行，然后关闭连接。
demo-about-upper = 端口 3234 上的转大写服务器，两个客户端先后连接。
demo-about-udp-echo = 端口 9999 上的 UDP 回显：两个数据报，完全没有连接。
demo-about-json = 端口 9999 上基于 TCP 的 JSON：一个请求对象，一个 {"{"}"status": "success", ...{"}"} 应答。
demo-about-tcp-echo-v6 = 经 IPv6 回环地址（::1）的 TCP 回显，端口 8888。
demo-about-refused = 连接没有程序监听的 8889 端口：SYN 得到的回答是 RST。
demo-about-large = 经端口 8890 的回显服务器传送 200 KB：可以看到窗口缩放和窗口更新。
demo-about-sticky = 客户端调用三次 send()，服务器只调用一次 recv()：TCP 传送的是字节流，所以服务器一次读到 "helloworld中文"。打开跟踪视图看看每次 send 在哪里。
demo-title-command = 安全的远程命令：每个回答前面加长度（端口 3234）
demo-about-command = 客户端发送 date、ls 和 ipconfig；服务器从一张固定、无害的表里回答（它从不执行收到的内容），每个回答前面先用 4 个字节写出长度——正是解决粘包的分帧方式。到“跟踪流 ▸ 消息与报文段”里看看。
demo-title-download = 文件下载：48 KB，前面是它的长度（端口 3235）
demo-about-download = 服务器先发送文件的长度，再发送文件本身，分成许多报文段；客户端打印它的 SHA-256。从跟踪视图保存服务器一方的字节，比较一下。
demo-title-http = HTTP：一次 GET 和一次 JSON POST（端口 8000）
demo-about-http = 一次用 Content-Length 回答的 GET，然后一次 POST json.dumps({"{"}'name': '小飞机'{"}"})，用 JSON 回答，各用一个连接：请求行、首部、一个空行、主体。

## The command line's human text
say-wrote = 已写入 { $path }
say-warning = 警告：{ $text }
say-demo-start = 演示 { $name }：{ $title }（捕获过滤器 "{ $filter }"）
say-demo-no-teardown = 抓包在 { $secs } 秒内没有看到演示结束；按现有内容停止
text-frame-cut = 这一帧被抓包长度限制截断：{ $wire } 字节中只抓到 { $captured } 字节
text-layer-heading = { $protocol } · OSI 第 { $osi } 层 { $osiname } · TCP/IP { $tcpip } · { $protocol } { $pdu } · 字节 { $start }..{ $end }（{ $size }）
text-layer-reassembled = {" "}· 位于重组后的消息中
flow-tcp-title = TCP 流 { $stream }：客户端 { $client } ⇄ 服务器 { $server }
flow-udp-title = UDP 会话 { $i }：{ $a } ⇄ { $b }
flow-frame = 帧
flow-time = 时间（秒）
flow-data = 数据 { $text }
follow-tcp-title = TCP 流 { $stream }：{ $a } ⇄ { $b }
follow-udp-title = UDP 流 { $stream }：{ $a } ⇄ { $b }
follow-client = 客户端 { $addr }
follow-server = 服务器 { $addr }
follow-sizes = { $a } 发送了 { $ab } 字节（{ $enca }）· { $b } 发送了 { $ba } 字节（{ $encb }）
follow-binary = 不是文本
follow-run = { $who } · { $frames } · { $n } 字节
follow-frames = { $n ->
   *[other] 帧 { $list }（{ $n } 个）
}
follow-missing = [抓包中缺少 { $n } 字节]
follow-dropped = 这个流有 { $n } 字节没有保留：它超过了 layerscope 为一个流保留的上限（64 MiB）
follow-none = 没有匹配的 { $proto } 流
follow-save-one = --save 只写一个流，而现在有 { $n } 个匹配：用 --stream 选一个
follow-saved = 已把 { $stream } 的 { $n } 字节写入 { $path }（SHA-256 { $sha }）
follow-search = 搜索…
follow-search-tip = 在这段会话中查找文字（不区分大小写）
follow-conversation = 会话
follow-conversation-tip = 每一方的字节按顺序排列，就是接收方程序读到的样子
follow-messages = 消息与报文段
follow-messages-tip = 发送方的每条消息从哪里开始、到哪里结束，对照 TCP 把字节切成的报文段（粘包）
follow-copy = 复制文本
follow-json-decoded = JSON，json.loads 读到的内容：{ $json }
follow-save = 保存字节
follow-save-side = 保存{ $who }发送的内容…
follow-save-title = 按原样保存一方发送的字节
follow-hits = { $n } 段匹配
follow-truncated = 只显示了 { $n } 段中的前 { $shown } 段；“保存”会写入全部
follow-chunk = 第 { $frame } 帧 · { $n } 字节
follow-chunk-tip = 点击在数据包列表中选中这一帧
follow-stream-explained = TCP 传送的是字节流，不是一条条消息：程序调用的 send() 和 recv() 不会出现在线路上。内核按自己的方式把字节切成报文段——Nagle 算法可能把几次小的 send 合并成一个报文段，一次大的 send 会分成好几个——而每次 recv() 返回的是已经到达的数据，最多到缓冲区大小。只有应用程序自己的分帧方式才能说明一条消息在哪里结束。
follow-side-heading = { $who } → { $to }：{ $segments } 个报文段，{ $messages } 条消息
follow-framing-newline = 分帧方式：每行一条消息，以 "\n" 结尾（这里有 { $n } 条）。接收方读到换行符为止，不管字节分在哪几个报文段里。
follow-framing-prefix-be = 分帧方式：每条消息前面用 4 个字节写出它的长度，网络字节序——struct.pack('!I', n)（这里有 { $n } 条）。接收方先读 4 个字节，再读恰好那么多：粘包问题解决了。
follow-framing-prefix-le = 分帧方式：每条消息前面用 4 个字节写出它的长度，小端序——PC 上的 struct.pack('i', n)（这里有 { $n } 条）。接收方先读 4 个字节，再读恰好那么多：粘包问题解决了。
follow-framing-json = 分帧方式：一个接一个的 JSON 值（这里有 { $n } 个）。除了 JSON 本身没有别的标记说明一个值在哪里结束，所以接收方必须解析才能找到（json.JSONDecoder().raw_decode）。
follow-framing-none = 没有分帧：这些字节里没有任何标记说明一次 send() 在哪里结束、下一次从哪里开始。这里它们分在 { $segments } 个报文段里传送（见下面的色块），但只调用一次 recv() 的接收方可能把几次 send 的内容一起收到（粘包），也可能只收到一次的一部分（拆包）。解决办法：给每条消息加上长度前缀或分隔符。
follow-segments-heading = 线路上——每个报文段（在回环接口上通常就是一次 send()）：
follow-segment-line = 第 { $frame } 帧 · { $n } 字节 · { $text }
follow-messages-heading = 接收方能区分出的——按它的分帧方式得到的消息：
follow-message-line = #{ $i } · { $n } 字节 · 帧 { $frames }（{ $segments } 个报文段）· { $text }

## 字段说明，以 field-<字段名，. 改为 -> 为键（英文原文在字段注册表 crates/wire/src/registry 中）

field-arp-dst-hw = 目标的 MAC 地址；在请求中为全零，因为这正是要问的内容。
field-arp-dst-hw_mac = 目标的 MAC 地址；在请求中为全零，因为这正是要问的内容。
field-arp-dst-proto = 想要知道（或被询问）其 MAC 地址的 IP 地址。
field-arp-dst-proto_ipv4 = 想要知道（或被询问）其 MAC 地址的 IP 地址。
field-arp-hw-size = 硬件地址的长度，单位字节（以太网为 6）。
field-arp-hw-type = 要解析的硬件地址类型（1 = 以太网）。
field-arp-opcode = 1 表示询问"谁有这个 IP 地址？"，2 表示回答"它在这个 MAC 地址"。
field-arp-proto-size = 协议地址的长度，单位字节（IPv4 为 4）。
field-arp-proto-type = 要解析的协议地址类型（0x0800 = IPv4）。
field-arp-src-hw = 发送方的 MAC 地址，接收方可以把它缓存起来。
field-arp-src-hw_mac = 发送方的 MAC 地址，接收方可以把它缓存起来。
field-arp-src-proto = 发送方的 IP 地址。
field-arp-src-proto_ipv4 = 发送方的 IP 地址。
field-data-data = 应用程序写入套接字的字节。
field-data-len = 应用程序在这个数据包里发送了多少字节。
field-data-text = 把同样的字节当作文本来读。
field-eth-addr = 任一 MAC 地址：匹配源地址或目的地址。
field-eth-dst = 这一帧要交给的网卡的 MAC 地址；在回环接口上为全零，因为不经过任何网卡。
field-eth-dst-ig = 地址表示一个组（组播或广播）而不是单个网卡时置位。
field-eth-dst-lg = 地址是本地分配的、而不是厂商烧录的时置位。
field-eth-len = 在 IEEE 802.3 帧中，这个位置存放的是载荷长度而不是类型；随后的 LLC 首部再指明协议。
field-eth-padding = 补上的零字节，因为以太网帧的载荷至少要有 46 字节。
field-eth-src = 发送这一帧的网卡的 MAC 地址；在回环接口上为全零。
field-eth-src-ig = 地址表示一个组（组播或广播）而不是单个网卡时置位。
field-eth-src-lg = 地址是本地分配的、而不是厂商烧录的时置位。
field-eth-trailer = 分组之后不属于任何协议的多余字节（常由抓包硬件添加）。
field-eth-type = 这一帧承载的是哪种协议，接收方据此知道把载荷交给协议栈的哪一部分（0x0800 = IPv4，0x86dd = IPv6，0x0806 = ARP）。
field-frame-cap_len = 抓包保留了这一帧的多少字节（被抓包长度限制截断时会少于线路上的长度）。
field-frame-len = 这一帧在线路上有多少字节。
field-frame-number = 这一帧在抓包中的编号，从 1 开始。
field-frame-time_relative = 距抓包中第一帧的秒数。
field-http-file_data = 报文的主体：请求发送的内容或响应携带的内容（网页、文件、JSON）。
field-http-request-line = 一行首部：名字: 值，以 CR LF 结尾；一个空行表示首部结束。
field-http-request-method = 客户端希望服务器做什么（GET、POST ……）。
field-http-request-uri = 请求的是哪个资源。
field-http-request-version = 所使用的 HTTP 版本。
field-http-response-code = 状态码：2xx 成功，3xx 重定向，4xx 客户端错误，5xx 服务器错误。
field-http-response-line = 一行首部：名字: 值，以 CR LF 结尾；一个空行表示首部结束。
field-http-response-phrase = 状态码对应的文字。
field-http-response-version = 所使用的 HTTP 版本。
field-http-request-first_line = 请求的第一行：方法、资源、版本。
field-http-response-first_line = 响应的第一行：版本、状态码、原因短语。
field-http-request-full_uri = Host 首部和请求 URI 合在一起：客户端请求的完整地址。
field-http-host = 客户端要访问哪个站点：一个服务器地址可以承载多个域名。
field-http-user_agent = 客户端程序（curl、浏览器、Python 的 urllib）。
field-http-accept = 客户端能接受的内容类型。
field-http-accept_encoding = 客户端能解开的压缩方式（gzip ……）。
field-http-accept_language = 用户偏好的语言。
field-http-connection = 这条报文之后连接是保持打开（keep-alive）还是关闭。
field-http-content_type = 主体是什么（text/html、application/json ……）以及它的字符集。
field-http-content_length_header = 主体的字节数，按首部写的原样：接收方恰好读这么多（一种用文字写的长度前缀）。
field-http-content_length = 主体的字节数。
field-http-transfer_encoding = chunked：主体分块传送，每块前面写着它的十六进制大小，最后是大小为 0 的一块——用于事先不知道长度的主体。
field-http-server = 服务器程序。
field-http-date = 服务器发送响应的时间。
field-http-last_modified = 资源最后一次修改的时间。
field-http-location = 重定向让客户端去的地址。
field-http-referer = 链接到这里的页面。
field-http-cookie = 客户端为这个站点保存并发回的状态。
field-http-cache_control = 响应可以保存并重用多久。
field-http-chunk_size = 这一块的字节数，以十六进制写在块前面。
field-http-chunk_data = 分块主体中的一块。
field-icmp-address_mask = 请求或给出的子网掩码。
field-icmp-checksum = 检测整个 ICMP 报文是否损坏。
field-icmp-code = 对类型的细分，例如对于不可达：3 = 端口不可达，1 = 主机不可达。
field-icmp-ident = 标识符，把回显应答和发出请求的程序配对。
field-icmp-mtu = 下一跳能接受的最大分组，发送方据此把分组改小。
field-icmp-originate_timestamp = 报文发送、接收或应答时距 UTC 午夜的毫秒数。
field-icmp-pointer = 原始首部中出错的是哪个字节。
field-icmp-receive_timestamp = 报文发送、接收或应答时距 UTC 午夜的毫秒数。
field-icmp-redir_gw = 主机到这个目的地应该改用的更好的路由器。
field-icmp-seq = 序列号，把每个应答和它的请求配对。
field-icmp-transmit_timestamp = 报文发送、接收或应答时距 UTC 午夜的毫秒数。
field-icmp-type = 这是哪种 ICMP 报文：8 = 回显请求（ping），0 = 回显应答，3 = 目的不可达，11 = 超时。
field-icmp-unused = 这种报文类型中未使用，为零。
field-icmpv6-checksum = 检测报文以及它所经过的地址是否损坏。
field-icmpv6-code = 对类型的细分。
field-icmpv6-echo-identifier = 把回显应答和发出请求的程序配对。
field-icmpv6-echo-sequence_number = 把每个回显应答和它的请求配对。
field-icmpv6-mtu = 下一条链路能接受的最大分组（分组过大）。
field-icmpv6-nd-na-flag = 通告标志：是否由路由器发出、是否是对询问的应答、是否覆盖已缓存的条目。
field-icmpv6-nd-na-flag-o = 通告标志：是否由路由器发出、是否是对询问的应答、是否覆盖已缓存的条目。
field-icmpv6-nd-na-flag-r = 通告标志：是否由路由器发出、是否是对询问的应答、是否覆盖已缓存的条目。
field-icmpv6-nd-na-flag-s = 通告标志：是否由路由器发出、是否是对询问的应答、是否覆盖已缓存的条目。
field-icmpv6-nd-na-target_address = 这条通告给出其链路层地址的那个地址。
field-icmpv6-nd-ns-target_address = 要询问其链路层地址的地址（IPv6 中取代 ARP 的机制）。
field-icmpv6-nd-ra-cur_hop_limit = 主机在这条链路上采用的路由器通告设置。
field-icmpv6-nd-ra-flag = 主机在这条链路上采用的路由器通告设置。
field-icmpv6-nd-ra-flag-m = 主机在这条链路上采用的路由器通告设置。
field-icmpv6-nd-ra-flag-o = 主机在这条链路上采用的路由器通告设置。
field-icmpv6-nd-ra-reachable_time = 主机在这条链路上采用的路由器通告设置。
field-icmpv6-nd-ra-retrans_timer = 主机在这条链路上采用的路由器通告设置。
field-icmpv6-nd-ra-router_lifetime = 主机在这条链路上采用的路由器通告设置。
field-icmpv6-nd-rd-target_address = 重定向：到某个目的地更好的第一跳。
field-icmpv6-opt = 一个邻居发现选项。
field-icmpv6-opt-length = 一个邻居发现选项。
field-icmpv6-opt-linkaddr = 邻居发现中携带的链路层（MAC）地址。
field-icmpv6-opt-mtu = 链路的 MTU。
field-icmpv6-opt-prefix = 链路上的主机可以用来构造地址的网络前缀。
field-icmpv6-opt-prefix-length = 链路上的主机可以用来构造地址的网络前缀。
field-icmpv6-opt-prefix-preferred_lifetime = 链路上的主机可以用来构造地址的网络前缀。
field-icmpv6-opt-prefix-valid_lifetime = 链路上的主机可以用来构造地址的网络前缀。
field-icmpv6-opt-type = 一个邻居发现选项。
field-icmpv6-pointer = 原始分组中引起问题的是哪个字节。
field-icmpv6-rd-na-destination_address = 重定向：到某个目的地更好的第一跳。
field-icmpv6-reserved = 保留，为零。
field-icmpv6-type = 这是哪种 ICMPv6 报文：128/129 = 回显，135/136 = 邻居请求/通告，1 = 目的不可达。
field-igmp-checksum = IGMP：主机告诉路由器自己想加入哪些组播组。
field-igmp-maddr = IGMP：主机告诉路由器自己想加入哪些组播组。
field-igmp-max_resp = IGMP：主机告诉路由器自己想加入哪些组播组。
field-igmp-type = IGMP：主机告诉路由器自己想加入哪些组播组。
field-ip = 引发这个 ICMP 差错的分组的开头，被引用回来，好让发送方知道是哪条连接出了问题。
field-ip-addr = 任一 IPv4 地址：匹配源地址或目的地址。
field-ip-checksum = 检测 IPv4 首部是否损坏；因为 TTL 会变，每个路由器都要重新计算它。
field-ip-dsfield = 区分服务：路由器应如何安排这个分组的优先级，以及拥塞信号。
field-ip-dsfield-dscp = 路由器用于服务质量的流量类别（0 = 尽力而为）。
field-ip-dsfield-ecn = 显式拥塞通知：路由器不必丢弃分组就能发出拥塞信号。
field-ip-dst = 目的 IP 地址。
field-ip-flags = 与分片有关的三个控制位。
field-ip-flags-df = 不分片：路由器宁可丢弃这个分组也不能把它拆开（用于发现路径 MTU）。
field-ip-flags-mf = 更多分片：除最后一个分片外都置位。
field-ip-flags-rb = 保留，必须为零。
field-ip-frag_offset = 这个分片的数据在原始数据报中的位置，以 8 字节为单位。
field-ip-hdr_len = IPv4 首部（含选项）的长度，以 4 字节为单位存放，接收方据此知道载荷从哪里开始。
field-ip-id = 同一个数据报的所有分片共用的编号，接收方据此把它们重新拼起来。
field-ip-len = IPv4 分组的总长度（首部加数据），单位字节。
field-ip-opt = 一个 IPv4 选项。
field-ip-opt-data = 一个 IPv4 选项。
field-ip-opt-flag = 时间戳选项数据：路由器记录下处理这个分组的时间。
field-ip-opt-len = 选项的长度，单位字节。
field-ip-opt-malformed = 一个 IPv4 选项。
field-ip-opt-overflow = 时间戳选项数据：路由器记录下处理这个分组的时间。
field-ip-opt-ptr = 选项中下一个地址或时间戳将写入的位置。
field-ip-opt-ra = 路由器告警：要求路径上的每个路由器都查看这个分组（IGMP 和 RSVP 使用）。
field-ip-opt-time_stamp = 时间戳选项数据：路由器记录下处理这个分组的时间。
field-ip-opt-type = 选项类型：是否复制到分片中、它的类别和编号。
field-ip-opt-type-class = 选项类型：是否复制到分片中、它的类别和编号。
field-ip-opt-type-copy = 选项类型：是否复制到分片中、它的类别和编号。
field-ip-opt-type-number = 选项类型：是否复制到分片中、它的类别和编号。
field-ip-options = 可选的首部扩展，如今很少见。
field-ip-options-eol = 一个 IPv4 选项。
field-ip-options-nop = 一个 IPv4 选项。
field-ip-proto = 载荷是哪种协议，接收方据此把它交给 TCP（6）、UDP（17）、ICMP（1）等。
field-ip-rec_rt = 路由选项中记录或指定的路由器地址。
field-ip-src = 源 IP 地址。
field-ip-src_rt = 路由选项中记录或指定的路由器地址。
field-ip-ttl = 生存时间：每经过一个路由器减一，减到零就丢弃，这样分组不会无限循环。
field-ip-version = 这个首部的 IP 版本：IPv4 为 4，IPv6 为 6。
field-ah = IPsec 认证首部：证明分组由谁发出、内容没有被篡改。
field-ah-length = 这个扩展首部的长度，以 8 字节为单位，不含最前面的 8 字节。
field-ah-next_header = 紧跟在这个扩展首部之后的首部。
field-ah-sequence = IPsec 认证首部：证明分组由谁发出、内容没有被篡改。
field-ah-spi = IPsec 认证首部：证明分组由谁发出、内容没有被篡改。
field-ipv6 = 引发这个 ICMP 差错的分组的开头，被引用回来，好让发送方知道是哪条连接出了问题。
field-ipv6-addr = 任一 IPv6 地址：匹配源地址或目的地址。
field-ipv6-dst = 目的 IPv6 地址。
field-ipv6-dstopts = IPv6 扩展首部，串接在 IPv6 首部和上层协议之间。
field-ipv6-dstopts-len = 这个扩展首部的长度，以 8 字节为单位，不含最前面的 8 字节。
field-ipv6-dstopts-len_oct = 这个扩展首部的长度，单位字节。
field-ipv6-dstopts-nxt = 紧跟在这个扩展首部之后的首部。
field-ipv6-flow = 流标签：让路由器把同一个流的分组保持在同一条路径上。
field-ipv6-fraghdr = IPv6 扩展首部，串接在 IPv6 首部和上层协议之间。
field-ipv6-fraghdr-ident = 同一个分组的所有分片共用，以便重新组装。
field-ipv6-fraghdr-more = 除最后一个分片外都置位。
field-ipv6-fraghdr-nxt = 紧跟在这个扩展首部之后的首部。
field-ipv6-fraghdr-offset = 这个分片的数据在原始分组中的位置，以 8 字节为单位。
field-ipv6-fraghdr-reserved_bits = 保留，为零。
field-ipv6-fraghdr-reserved_octet = 保留，为零。
field-ipv6-hlim = 跳数限制：和 IPv4 的 TTL 一样，每经过一个路由器减一。
field-ipv6-hopopts = IPv6 扩展首部，串接在 IPv6 首部和上层协议之间。
field-ipv6-hopopts-len = 这个扩展首部的长度，以 8 字节为单位，不含最前面的 8 字节。
field-ipv6-hopopts-len_oct = 这个扩展首部的长度，单位字节。
field-ipv6-hopopts-nxt = 紧跟在这个扩展首部之后的首部。
field-ipv6-nxt = 后面跟着哪个首部：扩展首部或上层协议（6 = TCP，17 = UDP，58 = ICMPv6）。
field-ipv6-opt = 逐跳选项首部或目的选项首部中的一个选项。
field-ipv6-opt-jumbo = 超过 65535 字节的巨型分组的真实载荷长度。
field-ipv6-opt-length = 逐跳选项首部或目的选项首部中的一个选项。
field-ipv6-opt-padn = 逐跳选项首部或目的选项首部中的一个选项。
field-ipv6-opt-router_alert = 要求路径上的路由器检查这个分组。
field-ipv6-opt-type = 逐跳选项首部或目的选项首部中的一个选项。
field-ipv6-opt-unknown = 逐跳选项首部或目的选项首部中的一个选项。
field-ipv6-plen = 40 字节 IPv6 首部之后所有内容的长度，单位字节。
field-ipv6-routing = IPv6 扩展首部，串接在 IPv6 首部和上层协议之间。
field-ipv6-routing-len = 这个扩展首部的长度，以 8 字节为单位，不含最前面的 8 字节。
field-ipv6-routing-nxt = 紧跟在这个扩展首部之后的首部。
field-ipv6-routing-segleft = 列出的路由器中还有几个要经过。
field-ipv6-routing-src-addr = 分组必须经过的一个路由器。
field-ipv6-routing-type = 这是哪种路由首部。
field-ipv6-src = 源 IPv6 地址（::1 是回环地址）。
field-ipv6-tclass = 流量类别：优先级和拥塞信号，相当于 IPv4 的 DS 字段。
field-ipv6-tclass-dscp = 路由器用于服务质量的流量类别。
field-ipv6-tclass-ecn = 显式拥塞通知位。
field-ipv6-version = IP 版本：6。
field-null-family = BSD 回环接口上分组的地址族（2 = IPv4，24/28/30 = IPv6）。
field-sll-etype = 承载的协议，用 EtherType 表示。
field-sll-halen = 地址字段实际用了多少字节。
field-sll-hatype = 抓到这个分组的链路类型（1 = 以太网，772 = 回环）。
field-sll-ifindex = 内核给看到这个分组的接口编的号。
field-sll-ltype = 没有 EtherType 的帧所用的 Linux 内部协议号。
field-sll-pkttype = 分组是怎样到达抓包点的：本机发出、发给本机、广播、组播或发给其他主机。
field-sll-reserved = 未使用，总是为零。
field-sll-src-eth = 内核记录的发送方链路层地址。
field-sll-src-other = 内核记录的发送方链路层地址。
field-tcp = 引发这个 ICMP 差错的分组的开头，被引用回来，好让发送方知道是哪条连接出了问题。
field-tcp-ack = 相对确认号：发送方期望从对方收到的下一个字节，也就是说在它之前的都已收到。
field-tcp-ack_raw = 实际发送的确认号。
field-tcp-analysis = 从整个会话看这个报文段：它的作用、专家提示以及两端的状态。
field-tcp-analysis-ack_lost_segment = 这里确认了抓包中从未出现过的数据。
field-tcp-analysis-duplicate_ack = 又一次相同的确认：接收方缺了数据，正在要它。
field-tcp-analysis-fast_retransmission = 发送方把之前发过的数据又发了一次，因为它没有及时收到确认。
field-tcp-analysis-keep_alive = 检查空闲连接是否仍然存活的探测。
field-tcp-analysis-lost_segment = 这个报文段之前的数据在抓包中缺失。
field-tcp-analysis-out_of_order = 这个报文段落在发送方已经发出的序号之后，但来得太快（在连接的第一个往返时间之内），不像是重传：是网络把它乱序送达了。
field-tcp-analysis-acks_frame = 这个确认所覆盖的数据来自哪一帧（正好确认到该报文段的最后一个字节）。
field-tcp-analysis-ack_rtt = 往返时间：这个确认比那个报文段晚多久被抓到，单位为秒。
field-tcp-analysis-keep_alive_ack = 对保活探测的回应：再次发送同样的确认，表示连接还在。
field-tcp-analysis-reused_ports = 在同样的地址和端口上开始了一个新连接，和这次抓包里更早的一个连接相同：客户端绑定了固定端口，或者端口号轮了一圈又用到了。
field-tcp-analysis-zero_window_probe_ack = 对零窗口探测的回应：接收方的窗口仍然是关闭的。
field-tcp-analysis-retransmission = 发送方把之前发过的数据又发了一次，因为它没有及时收到确认。
field-tcp-analysis-spurious_retransmission = 发送方把之前发过的数据又发了一次，因为它没有及时收到确认。
field-tcp-analysis-window_full = 这个报文段填满了接收方通告的窗口。
field-tcp-analysis-window_update = 只有窗口变了：接收方又有空间了。
field-tcp-analysis-zero_window = 接收方的缓冲区满了：发送方必须停下，直到窗口重新打开。
field-tcp-analysis-zero_window_probe = 一个字节的探测，询问零窗口是否已经打开。
field-tcp-checksum = 检测报文段是否损坏；在回环接口上内核常常跳过它，所以这里不做校验。
field-tcp-connection-role = 这个报文段在建立或关闭连接中的作用。
field-tcp-connection-rst = 连接被重置了。
field-tcp-dstport = 接收程序的端口（回显服务器演示中是 8888）。
field-tcp-flags = 用来建立、关闭和控制连接的控制位。
field-tcp-flags-ack = 确认号有效；除第一个 SYN 外每个报文段都置位。
field-tcp-flags-ae = 精确 ECN（原先的 nonce 和位）。
field-tcp-flags-cwr = 拥塞窗口已减小：发送方在收到 ECN 回显后放慢了速度。
field-tcp-flags-ece = ECN 回显：告诉对方有路由器发出了拥塞信号。
field-tcp-flags-fin = 结束：发送方没有更多数据要发了；关闭时双方各发一个。
field-tcp-flags-push = 推送：马上把数据交给应用程序，不要等更多数据。
field-tcp-flags-res = 保留，为零。
field-tcp-flags-reset = 重置：立即中止连接（也是对发往无人监听端口的 SYN 的回答）。
field-tcp-flags-str = 用字母表示的标志位，和 Wireshark 显示的一样。
field-tcp-flags-syn = 同步：建立连接并携带初始序列号；握手的前两个报文段带有它。
field-tcp-flags-urg = 紧急指针有效（很少使用）。
field-tcp-hdr_len = TCP 首部（含选项）的长度，以 4 字节为单位存放，接收方据此知道数据从哪里开始。
field-tcp-len = 这个报文段携带了多少字节的应用数据。
field-tcp-nxtseq = 发送方下一次要用的序列号：本序列号加上数据长度（SYN 或 FIN 各算一个字节）。
field-tcp-option_kind = 这是哪个选项。
field-tcp-option_len = 选项的长度，单位字节。
field-tcp-options = 可选的首部扩展，大多在 SYN 报文段中协商。
field-tcp-options-eol = 选项列表结束。
field-tcp-options-malformed = 本解析器不解码的选项。
field-tcp-options-mptcp = 多路径 TCP：一条连接走多条路径。
field-tcp-options-mss = 最大报文段长度：发送方希望在一个报文段中接收的最大数据块。
field-tcp-options-mss_val = 最大报文段长度：发送方希望在一个报文段中接收的最大数据块。
field-tcp-options-nop = 空操作：一个字节的填充，用来对齐下一个选项。
field-tcp-options-sack = 选择性确认：缺口之后已到达的数据块，这样只需重传缺失的部分。
field-tcp-options-sack_le = 选择性确认：缺口之后已到达的数据块，这样只需重传缺失的部分。
field-tcp-options-sack_perm = 发送方支持选择性确认。
field-tcp-options-sack_re = 选择性确认：缺口之后已到达的数据块，这样只需重传缺失的部分。
field-tcp-options-tfo = TCP 快速打开：一个 cookie，让数据可以搭 SYN 的便车。
field-tcp-options-timestamp = 时间戳：发送方的时钟和对方时钟的回显，用来测量往返时间并防止序列号回绕。
field-tcp-options-timestamp-tsecr = 时间戳：发送方的时钟和对方时钟的回显，用来测量往返时间并防止序列号回绕。
field-tcp-options-timestamp-tsval = 时间戳：发送方的时钟和对方时钟的回显，用来测量往返时间并防止序列号回绕。
field-tcp-options-unknown = 本解析器不解码的选项。
field-tcp-options-wscale = 窗口缩放：窗口字段左移这么多位，使窗口可以超过 64 KiB。
field-tcp-options-wscale-multiplier = 窗口字段要乘以这个数（2 的移位次方）。
field-tcp-options-wscale-shift = 窗口缩放：窗口字段左移这么多位，使窗口可以超过 64 KiB。
field-tcp-reassembled-data = 由承载它的各个报文段拼接而成的应用消息，也就是接收程序读到的内容。
field-tcp-reassembled-length = 拼接后的消息有多少字节。
field-tcp-segment = 承载了这条拼接消息一部分的帧。
field-tcp-segment-count = 这条消息被切成了几个报文段：TCP 发送的是字节流，一条消息可能需要好几个报文段。
field-tcp-segment_data = 这个报文段所承载的、跨越多个报文段的应用消息中的那一部分。
field-tcp-segments = 拼接成一条应用消息的各个报文段：消息在完成它的那一帧里被完整地、只解析一次。
field-tcp-payload = 这个报文段承载的应用程序字节。
field-tcp-port = 任一 TCP 端口：匹配源端口或目的端口。
field-tcp-seq = 相对于发送方第一个序列号的序列号：这个报文段的第一个数据字节在发送方字节流中的位置。
field-tcp-seq_raw = 实际发送的序列号；双方各自从一个随机的初始序列号（ISN）开始。
field-tcp-srcport = 发送程序的端口：和 IP 地址一起标识发出这个报文段的套接字。
field-tcp-state-client = 这个端点在这个报文段之后的 TCP 状态（RFC 9293），由线路上的报文段推断。
field-tcp-state-server = 这个端点在这个报文段之后的 TCP 状态（RFC 9293），由线路上的报文段推断。
field-tcp-stream = Wireshark 给这个报文段所属 TCP 连接编的序号，在抓包中从 0 开始。
field-tcp-urgent_pointer = URG 标志置位时，紧急数据在哪里结束。
field-tcp-window_size = 按握手时商定的窗口缩放换算后的接收窗口，单位字节。
field-tcp-window_size_scalefactor = 窗口字段的倍数，来自握手中的窗口缩放选项（-1 未知，-2 未使用）。
field-tcp-window_size_value = 实际发送的接收窗口：这个报文段的发送方还能接收多少字节（缩放前）。
field-udp = 引发这个 ICMP 差错的分组的开头，被引用回来，好让发送方知道是哪条连接出了问题。
field-udp-checksum = 检测是否损坏；在 IPv4 中可选（0 = 未计算）。
field-udp-dstport = 接收程序的端口（UDP 演示中是 9999）。
field-udp-length = UDP 首部（8 字节）加数据的长度。
field-udp-payload = 这个数据报中的应用程序字节。
field-udp-port = 任一 UDP 端口：匹配源端口或目的端口。
field-udp-srcport = 发送程序的端口。
field-udp-stream = Wireshark 给 UDP 会话（地址和端口对）编的序号，从 0 开始。
field-ieee8021ad-dei = 可丢弃：网络拥塞时这一帧可以最先被丢弃。
field-ieee8021ad-id = 这一帧所属的虚拟局域网；交换机把不同的 VLAN 分开，就像它们是不同的网络。
field-ieee8021ad-priority = 优先级类别（0-7），交换机据此决定先转发哪些帧。
field-ieee8021ah-etype = VLAN 标签之后承载的协议，和未加标签的帧的 EtherType 一样。
field-vlan-dei = 可丢弃：网络拥塞时这一帧可以最先被丢弃。
field-vlan-etype = VLAN 标签之后承载的协议，和未加标签的帧的 EtherType 一样。
field-vlan-id = 这一帧所属的虚拟局域网；交换机把不同的 VLAN 分开，就像它们是不同的网络。
field-vlan-priority = 优先级类别（0-7），交换机据此决定先转发哪些帧。
field-data-encoding = 把这些字节读成文本所用的编码：UTF-8（Python 的 str.encode() 默认），或者在它们不是 UTF-8 而是 GBK 时用 GB18030（中文 Windows 控制台就这样写）。
field-json-object = 一个 JSON 对象：{ "{" } "键": 值, … { "}" }，也就是 Python 的 json.dumps 对字典的输出。
field-json-array = 一个 JSON 数组：[值, …]，也就是 json.dumps 对列表的输出。
field-json-member = 对象中的一个 "键": 值 对。
field-json-key = 成员的名字，转义已还原。
field-json-path = 这个值在整条消息中的位置：一路往下的每个键，数组元素写作 []。
field-json-path_with_value = 这个值在整条消息中的位置：一路往下的每个键，数组元素写作 []。
field-json-member_with_value = 成员的键和值写在一起，键:值。
field-json-value-string = 一个字符串，\uXXXX 转义已还原成程序写的字符（json.dumps 把 小 写成 \u5c0f）。
field-json-value-number = 一个数字，按原样显示。
field-json-value-true = 值 true（Python 的 True）。
field-json-value-false = 值 false（Python 的 False）。
field-json-value-null = 值 null（Python 的 None）。
field-dns-length = 在 TCP 上，每条 DNS 报文前面用两个字节写出它的长度：TCP 是字节流，接收方需要它来找到报文的结尾（正是解决粘包的长度前缀）。
field-dns-id = 由客户端选定，回答会原样带回，客户端靠它把回答和问题对上（UDP 没有连接来做这件事）。
field-dns-flags = 查询还是响应、操作类型，以及结果如何。
field-dns-flags-response = 0：查询；1：响应。
field-dns-flags-opcode = 操作类型：0 是标准查询。
field-dns-flags-authoritative = 回答的服务器负责这个名字（不是从缓存里回答的）。
field-dns-flags-truncated = 回答装不进一个数据报：请改用 TCP 再问一次。
field-dns-flags-recdesired = 客户端请服务器替它找到答案，必要时去问其他服务器。
field-dns-flags-recavail = 服务器能做到这一点。
field-dns-flags-z = 保留位，总是 0。
field-dns-flags-authenticated = DNSSEC：服务器检查过回答的签名。
field-dns-flags-checkdisable = DNSSEC：客户端接受没有检查签名的回答。
field-dns-flags-rcode = 结果：0 没有错误，2 服务器故障，3 没有这个名字，5 拒绝。
field-dns-count-queries = 后面有几个问题。
field-dns-count-answers = 后面有几条回答记录。
field-dns-count-auth_rr = 有几条记录指出负责的服务器。
field-dns-count-add_rr = 后面有几条附加记录（EDNS 的 OPT 记录、所列服务器的地址）。
field-dns-qry-name = 一个域名，一个标签接一个标签；后面的名字可以指回前面出现过的名字（压缩），而不用重复。
field-dns-qry-name-len = 名字的长度，按字符计。
field-dns-count-labels = 名字有几个标签（点之间的部分）。
field-dns-qry-type = 问的是什么：1 A（IPv4 地址），28 AAAA（IPv6），5 CNAME，15 MX，16 TXT。
field-dns-qry-class = 记录的类别：1（IN）表示互联网，几乎总是它。
field-dns-resp-name = 一个域名，一个标签接一个标签；后面的名字可以指回前面出现过的名字（压缩），而不用重复。
field-dns-resp-type = 记录里存的是什么：1 A，28 AAAA，5 CNAME，16 TXT，41 OPT（EDNS）。
field-dns-resp-class = 记录的类别：1（IN）表示互联网，几乎总是它。
field-dns-resp-ttl = 这个回答可以缓存多少秒。
field-dns-resp-len = 记录数据的字节数。
field-dns-a = 这个名字对应的 IPv4 地址：也就是 getaddrinfo() 交给程序的地址。
field-dns-aaaa = 这个名字对应的 IPv6 地址。
field-dns-cname = 这个名字是别名：这是它的规范名字，接着再查它。
field-dns-ns = 负责这个名字的一台服务器。
field-dns-ptr-domain_name = 一个地址对应的名字（反向查询）。
field-dns-mx-preference = 数值小的先试。
field-dns-mx-mail_exchange = 为这个名字接收邮件的服务器。
field-dns-txt-length = 后面那段文字的长度。
field-dns-txt = 在这个名字下公布的任意文字。
field-dns-rr-udp_payload_size = EDNS：发送方能接收的最大 UDP 回答。
field-dns-resp-ext_rcode = EDNS：结果代码的更多位。
field-dns-resp-edns0_version = EDNS 的版本，0。
field-dns-resp-z = EDNS 标志。
field-dns-resp-z-do = DNSSEC OK：发送方希望回答带上签名。
field-tls-record = 一条 TLS 记录：5 字节的头部（类型、版本、长度）和它携带的内容。
field-tls-record-content_type = 记录携带的是什么：22 握手，20 更改密码规范，21 警报，23 应用数据（已加密）。
field-tls-record-version = 0x0301 是 TLS 1.0，0x0303 是 TLS 1.2；TLS 1.3 在这里写 0x0303，真正的版本在 supported_versions 扩展里。
field-tls-record-length = 记录的长度：TLS 在 TCP 的字节流上用这个长度前缀给自己的消息分帧。
field-tls-app_data = 程序的数据，已加密：抓 HTTPS 看到的就是它，而不是请求本身。
field-tls-change_cipher_spec = 从这里开始，这一方开始加密（TLS 1.3 为了兼容中间设备而保留）。
field-tls-handshake-type = 1 Client Hello，2 Server Hello：TLS 连接最初的消息，以明文发送。
field-tls-handshake-length = 握手消息的长度。
field-tls-handshake-version = 0x0301 是 TLS 1.0，0x0303 是 TLS 1.2；TLS 1.3 在这里写 0x0303，真正的版本在 supported_versions 扩展里。
field-tls-handshake-random = 双方各自新生成的 32 个随机字节，混入密钥。
field-tls-handshake-session_id_length = 会话 ID 的长度。
field-tls-handshake-session_id = 指明要恢复的先前会话（TLS 1.3 中为兼容而保留）。
field-tls-handshake-cipher_suites_length = 密码套件列表的字节数（每个套件两个字节）。
field-tls-handshake-ciphersuite = 客户端提供的一种加密方式，或者（在 Server Hello 中）服务器选定的那一种。
field-tls-handshake-comp_methods_length = 压缩方法列表的长度。
field-tls-handshake-comp_method = 0：不压缩（CRIME 攻击之后压缩已被弃用）。
field-tls-handshake-extensions_length = 扩展的总长度。
field-tls-handshake-extension-type = 哪个扩展：0 server_name（SNI），16 ALPN，43 supported_versions，51 key_share ……
field-tls-handshake-extension-len = 扩展的长度。
field-tls-handshake-extensions_server_name_list_len = 名字列表的长度。
field-tls-handshake-extensions_server_name_type = 0：主机名。
field-tls-handshake-extensions_server_name_len = 名字的长度。
field-tls-handshake-extensions_server_name = SNI：客户端要访问的站点，以明文发送——这样一个地址可以承载多个站点，路径上的任何人也因此能看到是哪个站点。
field-tls-handshake-extensions_alpn_len = 协议列表的长度。
field-tls-handshake-extensions_alpn_str_len = 协议名的长度。
field-tls-handshake-extensions_alpn_str = ALPN：在 TLS 里面要说的协议（h2、http/1.1），由客户端提供，服务器选定。
field-tls-handshake-extensions-supported_versions_len = 版本列表的长度。
field-tls-handshake-extensions-supported_version = 一个 TLS 版本：0x0304 是 TLS 1.3，0x0303 是 TLS 1.2。

lab-recording = 实验网络：正在把它的回环接口录制到 { $file }；除了这个回环接口它没有别的网络，命令退出时实验网络结束
lab-no-such = 没有名为 { $name } 的实验网络（它已经结束，或者从未启动）
cli-lab-name = 几个命令（终端）共同加入的实验网络：第一个命令创建它，后面的命令在其中运行。最后一个命令退出时或使用 `--stop` 时它结束，最后离开的命令打印时序图
cli-lab-stop = 立即结束这个命名的实验网络（连同其中的程序），并打印它的时序图
lab-linux-only = 私有实验网络需要 Linux 的用户命名空间和网络命名空间；在这个系统上请用抓包辅助程序抓包（见 `layerscope --help`）
lab-ended-by-signal = 实验网络里的命令被信号终止了
lab-refused = 这个系统不允许普通用户创建用户命名空间（{ $reason }）。请管理员允许（`sysctl -w kernel.unprivileged_userns_clone=1`，或把 `user.max_user_namespaces` 设为大于 0），或者给抓包辅助程序一次性授予权限（见 README 的“不用 root 抓包”）
lab-no-capability = 实验网络已创建，但在其中没有获得任何权限（{ $reason }）。Ubuntu 23.10 及以后的 AppArmor 会限制普通用户的用户命名空间：管理员可以放开（`sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`），或者给抓包辅助程序一次性授予权限（见 README 的“不用 root 抓包”）
lab-no-ip = 实验网络无法启用它的回环接口：`ip`（iproute2）没有运行成功（{ $reason }）；请安装 iproute2
cli-lab-about = 私有实验网络，无需 root（Linux）：在一个只有它自己使用回环接口的全新网络命名空间里运行程序，录下这个回环接口，并打印时序图
cli-lab-write = 把录下的数据包保存到这里（.pcapng 或 .pcap）；不指定时显示后删除
cli-lab-filter = 实验网络回环接口上的 BPF 捕获过滤器，例如 "tcp port 8888"
cli-lab-command = 在实验网络里运行的程序及其参数（写在 `--` 之后），例如 `-- sh -c 'python3 server.py & sleep 0.5; python3 client.py'`。它退出时实验网络结束，它留下的程序也一并结束

## 窗口的私有实验网络（Linux）
origin-lab = 私有实验网络 { $name }
menu-private-lab = 私有实验网络（无需 root）
menu-private-lab-tip = 一个只属于它自己的网络，只有它自己的回环接口：在其中运行的程序无需任何权限即可被抓包，并随它一起结束。
lab-panel-title = 私有实验网络
lab-panel-name = 实验网络：{ $name }
lab-panel-about = 其中的程序只能看到实验网络自己的回环接口（127.0.0.1、::1），除此之外没有任何网络。它们发送的一切都会实时显示，不需要 root。关闭实验网络（或窗口）会结束其中的所有程序。
lab-open-terminal = 在实验网络中打开终端
lab-open-terminal-tip = 一个在本实验网络中运行程序的 shell：在那里启动你的服务器和客户端。
lab-join-elsewhere = 或者在你自己的任意终端里输入：
lab-copy = 复制
lab-run-program = 在实验网络中运行程序：
lab-run = 运行
lab-run-folder = 它在 { $folder } 中启动
lab-run-demo = 内置演示：
lab-processes = 实验网络中的程序：{ $n } 个
lab-no-processes = 暂时没有
lab-started-here = 从本窗口启动的：
lab-running = 运行中
lab-exited = 已退出，状态 { $code }
lab-end = 结束实验网络
lab-end-tip = 停止抓包并结束实验网络中的所有程序；已抓到的数据包保留。
lab-no-terminal = 无法打开终端程序（{ $reason }）。请在你自己的终端里输入：{ $command }
cli-lab = 启动一个私有实验网络（Linux，无需 root）并实时显示它的回环接口；与 `--demo` 一起使用时，演示在其中运行
cli-demo-no_capture = 只运行演示的服务器和客户端，不抓包（用别的方式抓包，或者在私有实验网络里：`layerscope lab -- layerscope demo tcp-echo --no-capture`）
list-waiting-lab = 正在等待数据包……在实验网络中运行一个程序（右侧面板）：它在实验网络回环接口上发送的一切都会显示在这里。
