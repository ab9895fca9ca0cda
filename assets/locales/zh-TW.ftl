# layerscope — 繁體中文（台灣用語）。
#
# 介面上的每一句話，採用 Project Fluent 格式（https://projectfluent.org）。
# 訊息編號與 en.ftl、zh-CN.ftl 一一對應；把同名檔案放在 ~/.config/layerscope/locales/
# （Windows：%APPDATA%\layerscope\locales\，macOS：~/Library/Application Support/layerscope/locales/）
# 即可在啟動時覆寫其中的單條訊息。術語見 docs/glossary.md。Wireshark 欄位名稱、協定名稱與
# TCP 狀態名稱在所有語言中維持英文。

## Layers of the OSI model
osi-1 = 實體層
osi-2 = 資料連結層
osi-3 = 網路層
osi-4 = 傳輸層
osi-5 = 會議層
osi-6 = 表現層
osi-7 = 應用層

## Layers of the TCP/IP model
tcpip-link = 網路介面層（鏈結層）
tcpip-internet = 網際網路層
tcpip-transport = 傳輸層
tcpip-application = 應用層

## Units of data
pdu-frame = 訊框
pdu-packet = 封包
pdu-segment = 區段
pdu-datagram = 資料包
pdu-data = 資料


## What a segment does in the connection's life
role-syn = 三向交握 1/3：SYN
role-syn-ack = 三向交握 2/3：SYN-ACK
role-handshake-ack = 三向交握 3/3：ACK
role-fin = 四次揮手：FIN
role-final-ack = 四次揮手：最後的 ACK
role-rst = 重設：RST
role-refused = 拒絕：RST，沒有程式在監聽
role-rst-ignored = 視窗外的 RST：被忽略

## Menus
menu-file = 檔案
menu-open = 開啟…
menu-open-recent = 最近開啟
menu-no-recent = 沒有最近開啟的檔案
menu-open-bundled = 開啟內附的回應擷取檔
menu-save-as = 封包另存為…
menu-quit = 結束
menu-capture = 擷取
menu-stop-capture = 停止擷取
menu-start-capture = 開始擷取
menu-run-demo = 執行示範（擷取 + 內建伺服器與用戶端）：
menu-demo-filter = 擷取過濾器 "{ $filter }"
menu-demo-interactive = 互動模式：自己輸入用戶端要送出的內容
menu-capture-port = 擷取埠
menu-on-loopback = （回送介面）
menu-on-loopback-tip = 觀察你自己的通訊端程式在這個埠上的通訊
menu-replay = 重播這次擷取
menu-view = 檢視
menu-time-column = 時間欄
menu-follow-new = 擷取時自動捲動到新封包
menu-show-welcome = 顯示歡迎列
menu-theme = 主題
theme-system = 💻 跟隨系統
theme-light = ☀ 淺色
theme-dark = 🌙 深色
theme-to-light = 切換到淺色主題
theme-to-dark = 切換到深色主題
menu-language = 🌐 語言
menu-help = 說明
menu-keyboard = 鍵盤快速鍵
menu-keys =
    Ctrl+O  開啟擷取檔案
    Ctrl+S  儲存封包
    Ctrl+E  開始 / 停止擷取
    Ctrl+F  顯示過濾器
    ↑ ↓ PgUp PgDn Home End  在清單中移動
time-relative = 距第一個封包的秒數
time-absolute = 當日時間（UTC）
time-delta = 距上一個封包的秒數

## The capture bar and the display filter
capture-interface = 介面
capture-no-interface = （無）
capture-interface-loopback = { $name }  （回送）
capture-filter = 擷取過濾器
capture-filter-hint = BPF 語法，例如 tcp port 8888
capture-stop = ⏹ 停止
capture-stop-tip = 停止擷取（Ctrl+E）
capture-start = ⏺ 開始
capture-start-tip = 在這個介面上擷取（Ctrl+E）
capture-follow = 自動捲動
capture-follow-tip = 擷取時捲動到新封包
filter-label = 顯示過濾器
filter-hint = 例如 tcp.port == 8888 && tcp.flags.syn == 1（按 Enter 套用）
filter-apply = 套用
filter-clear = 清除
filter-invalid = 過濾器無效：{ $error }

## Banners and the main views
banner-leftover = 有一次擷取（{ $when }，{ $kb } KB）沒有正常結束（視窗當掉或被強制關閉）；擷取到的資料一筆也沒有遺失。
banner-open-it = 開啟它
banner-discard = 捨棄
banner-error = ⚠ 錯誤：
banner-dismiss = 關閉提示
view-packets = 封包
view-packets-tip = 每個封包一列
view-ladder = TCP 時序圖
view-ladder-tip = 把選取的連線畫成時序圖（梯形圖）
view-encapsulation = 封裝過程
view-encapsulation-tip = 看選取的封包如何在傳送端逐層封裝、在接收端逐層解封裝
view-headers = 標頭結構圖
view-headers-tip = 選取封包的各層標頭，每列 32 位元
view-follow = 追蹤串流
view-follow-tip = 以兩端程式看到的樣子顯示選取的會話，並對照它的訊息與區段
export-title = 匯出圖表

## Dialogs
permission-heading = 擷取封包需要權限
permission-why = 從網路介面讀取封包需要 CAP_NET_RAW 能力（或 root 權限）。layerscope 只把這項權限交給一個小小的輔助程式：它負責擷取封包並把封包傳給本視窗，介面一開啟就放棄權限。請在終端機裡執行一次下面的指令，讓你所在的群組可以執行這個輔助程式：
permission-copy = 複製
permission-relogin = 加入群組後請登出再重新登入。每次重新編譯輔助程式後都需要重新授予這項能力。
permission-libpcap-said = libpcap 的原始錯誤訊息
permission-replay-recording = 重播這個示範的錄製檔
permission-replay-recording-tip = captures/{ $file }，像即時擷取一樣重播
permission-open-file = 改為開啟檔案…
permission-open-bundled = 開啟內附的擷取檔
dialog-close = 關閉
dialog-cancel = 取消
save-heading = 儲存封包
save-file = 檔名
save-browse = 瀏覽…
save-format-note = 檔名以 .pcapng 結尾時儲存為 pcapng 格式，否則儲存為 pcap 格式。
save-all = 全部封包（{ $n } 個）
save-displayed = 目前顯示的封包（{ $n } 個）
save-save = 儲存
file-dialog-open = 開啟
file-dialog-new-folder = 新增資料夾
file-dialog-new-folder-name = 新增資料夾
file-dialog-rename = 重新命名
file-dialog-refresh = 重新整理
file-dialog-parent = 上一層資料夾
file-dialog-file = 檔案：
file-dialog-show-hidden = 顯示隱藏檔案
open-title = 開啟擷取檔案
open-captures = 擷取檔案（pcapng、pcap）
open-all-files = 所有檔案

## The welcome strip
welcome-title = 歡迎使用 layerscope。
welcome-text = 每一列是一個封包；點選它即可看到它的各層，以及每一層加上的位元組。從這裡開始：
welcome-capture-loopback = 📡 擷取回送介面
welcome-capture-loopback-tip = 用工具列裡的過濾器在回送介面上擷取封包
welcome-open = 📂 開啟檔案…
welcome-open-tip = 開啟 pcap 或 pcapng 擷取檔案（Ctrl+O）
welcome-echo-demo = ▶ 執行回應示範
welcome-echo-demo-tip = 在回送介面上擷取 tcp port 8888，同時讓內建的回應伺服器與用戶端互傳 "Hello, server!"
welcome-hide = 隱藏這一列

## The status bar
status-capturing = ● 正在擷取：{ $what }
status-loading = 正在載入 { $what }
status-loaded = 已載入 { $what }
status-stopped = 擷取已停止：{ $what }
status-cancelled = 已取消載入：{ $what }
status-damaged = { $what }（檔案已損毀）
status-failed = { $what }（失敗）
status-packets = 封包：{ $n }
status-displayed = 已顯示：{ $n }
status-dropped = 遺失：{ $n }（介面：{ $interface }）
status-timing = 首批列 { $first } 毫秒 · 載入完成 { $done } 秒

## The layer stack beside the tree
stack-heading = 這個封包的各層
stack-models = OSI 模型 · TCP/IP 模型
stack-not-in-tcpip = TCP/IP 中沒有此層，由應用程式自己處理
stack-no-wire = 沒有線路：核心把訊框直接交給自己
stack-bits-not-captured = 線路上的位元，無法擷取
stack-absent = 無

## The header diagram view
headers-select = 選取一個封包以查看它的標頭。
headers-help = 和 RFC 一樣，每列 32 位元。滑鼠停在方框上可查看含義，點選可找到對應的位元組。
export-button = 匯出…

## The bytes pane
hex-heading = 位元組
hex-tab-frame = 訊框（{ $n } 位元組）
hex-tab-reassembled = 重組後的 TCP 資料（{ $n } 位元組，來自 { $segments } 個區段）
hex-tab-reassembled-short = 位於重組後的訊息中
hex-not-captured = ▫ 有 { $n } 個標頭位元組沒有擷取到：擷取長度限制（snaplen）截斷了這個訊框
hex-byte = 位元組 { $i }：{ $value }
hex-byte-missing = 位元組 { $i }：未擷取
hex-byte-missing-tip = 位元組 { $i }：未擷取（擷取長度限制在這裡截斷了標頭）
hex-bits = 第 { $first }–{ $last } 位元組的各位元：

## The layers tree
layer-heading = { $tcpip } · OSI 第 { $osi } 層（{ $osiname }）· { $protocol } { $pdu }
layers-select = 選取一個封包以查看它的各層。
layers-frame = 第 { $frame } 個訊框：線路上 { $wire } 位元組，擷取到 { $captured } 位元組
layers-stopped = ⚠ 解析中止：{ $reason }
layers-size-cut = 標頭 { $full } 位元組，只擷取到 { $hdr } 位元組
layers-size-data = { $hdr } 位元組
layers-size-payload = { $hdr } 位元組標頭 + { $payload } 位元組酬載
layers-size-empty = { $hdr } 位元組標頭，沒有酬載
layers-pos-bits = 第 { $first }–{ $last } 位元組中的第 { $bit }–{ $lastbit } 位元
layers-pos-byte = 第 { $first } 位元組
layers-pos-bytes = 第 { $first }–{ $last } 位元組

## The packet list
list-waiting = 正在等待封包…（擷取過濾器只放行符合的封包）
list-loading = 正在載入…
list-no-match = 沒有封包符合顯示過濾器。
list-empty = 沒有封包。
column-number = 編號
column-time = 時間
column-source = 來源
column-destination = 目的地
column-protocol = 協定
column-length = 長度
column-info = 資訊

## Stepping controls (replay, encapsulation)
step-back = ⏮ 上一步
step-pause = ⏸ 暫停
step-play = ▶ 播放
step-next = 下一步 ⏭
step-speed = 速度

## Replay
replay-heading = 重播
replay-original-timing = 依原始時間間隔
replay-original-timing-tip = 依擷取時的節奏播放封包（× 速度）；否則每秒一個（× 速度）
replay-position = 第 { $shown } 個，共 { $n } 個封包
replay-exit = 結束重播
replay-scrub-tip = 拖曳即可重播到任一個封包
replay-mark-handshake = 交握
replay-mark-data = 資料
replay-mark-teardown = 揮手
replay-mark-reset = 重設

## The demo strip
demo-running = 示範：{ $title }
demo-filter = （擷取過濾器 "{ $filter }"）
demo-send = 送出
demo-send-hint = 輸入一行文字，按 Enter 送出
demo-close = 關閉連線
demo-in-progress = 執行中…
demo-answer = 伺服器回覆：{ $reply }

## The TCP ladder view
ladder-stream-ends = { $name } { $stream } · { $a } ⇄ { $b } · { $n } 個封包
ladder-none = 這次擷取裡還沒有 TCP 串流或 UDP 對話。
ladder-stream = 串流
ladder-raw = 原始序號
ladder-raw-tip = 顯示實際送出的序號，而不是從 0 開始的相對序號
ladder-export-svg = 匯出 SVG…
ladder-export-png = 匯出 PNG…
ladder-truncated = 只顯示這個串流 { $n } 個封包中的前 { $shown } 個。
ladder-frame = 第 { $frame } 個訊框：{ $label }{ $role }
ladder-help = 滑鼠停在箭頭上可以看到這些數字是怎麼算出來的；點選箭頭可選取對應的封包。

## TCP states: the short meaning in the ladder's boxes (Chinese only; English shows the name)
state-short-closed = 已關閉
state-short-listen = 監聽
state-short-no-listener = 無人監聽
state-short-syn-sent = 同步已送出
state-short-syn-received = 同步已收到
state-short-established = 已建立連線
state-short-fin-wait-1 = 終止等待 1
state-short-fin-wait-2 = 終止等待 2
state-short-close-wait = 關閉等待
state-short-closing = 同時關閉
state-short-last-ack = 最後確認
state-short-time-wait = 時間等待

## Expert notes (Wireshark's wording in English)
note-tcp-analysis-spurious_retransmission = 這個訊框（疑似）是假性重傳
note-tcp-analysis-fast_retransmission = 這個訊框（疑似）是快速重傳
note-tcp-analysis-retransmission = 這個訊框（疑似）是重傳
note-tcp-analysis-lost_segment = 前面的區段沒有擷取到（擷取剛開始時很常見）
note-tcp-analysis-ack_lost_segment = 確認了一個沒有擷取到的區段（擷取剛開始時很常見）
note-tcp-analysis-keep_alive = TCP 保持連線區段
note-tcp-analysis-zero_window_probe = TCP 零視窗探測
note-tcp-analysis-zero_window = TCP 零視窗區段
note-tcp-analysis-window_update = TCP 視窗更新
note-tcp-analysis-window_full = 接收端通告的 TCP 視窗現在已經完全填滿
note-tcp-analysis-reused_ports = TCP 連接埠號被重複使用：新連線用了之前連線的同一對連接埠
note-tcp-analysis-out_of_order = 這個訊框（疑似）是亂序到達的區段
note-tcp-analysis-keep_alive_ack = 對 TCP 保持連線區段的確認
note-tcp-analysis-zero_window_probe_ack = 對 TCP 零視窗探測的確認
note-tcp-connection-rst = 連線被重設（RST）
note-duplicate-ack = 第 { $frame } 個訊框的重複 ACK（第 { $n } 次）

## The ladder drawing
ladder-client = 用戶端
ladder-server = 伺服器
ladder-first-sender = 先傳送端
ladder-peer = 對端
ladder-title-tcp = TCP 串流 { $stream }
ladder-title-udp = UDP 對話 { $stream }
ladder-columns = 編號   時間（秒）
ladder-client-to-server = 用戶端 → 伺服器
ladder-server-to-client = 伺服器 → 用戶端
ladder-arrow = 第 { $frame } 個訊框 { $dir }：{ $label }
ladder-phase-handshake = 三向交握
ladder-phase-teardown = 四次揮手
ladder-phase-reset = 重設

## The arithmetic of sequence and acknowledgment numbers
arith-isn = Seq 0：{ $who }隨機選取了初始序號 { $isn }；Wireshark 把它顯示為 0，並從 0 開始計數
arith-seq = Seq { $seq } = { $before } + { $consumed }
arith-seq-repeat = Seq { $seq } 與之前某個區段的序號相同（同樣的位元組又送了一次，或者沒有新資料要送）
arith-ack-syn = { $other }的初始序號（{ $isn }）+ 1，因為 SYN 佔一個序號
arith-ack-fin = { $other }的 FIN 序號 { $fin } + 1，因為 FIN 佔一個序號
arith-ack = Ack { $ack } = { $what }：{ $who }期望從{ $other }收到的下一個位元組
arith-ack-plain = Ack { $ack }：{ $who }期望從{ $other }收到的下一個位元組
arith-rst = RST：{ $who }中止了連線，雙方都不再傳資料
arith-rst-refused = RST：{ $who }的這個連接埠上沒有程式在監聽，它的 TCP 用 RST 回答 SYN，用戶端的 connect() 報錯「Connection refused」（連線被拒絕）
arith-rst-ignored = 序號落在{ $other }視窗之外的 RST：不讀就丟棄（RFC 9293），連線照常繼續；盲目偽造的重置就是這個樣子
arith-data-bytes = { $n } 位元組資料
arith-one-syn = SYN 佔 1
arith-one-fin = FIN 佔 1

## The header diagrams
diagram-size-cut = { $full } 位元組，擷取到 { $captured } 位元組
diagram-size = { $n } 位元組
diagram-header-title = { $protocol } 標頭（{ $standard }）· { $size } · OSI 第 { $osi } 層 · { $tcpip }
diagram-not-captured-snaplen = 未擷取（擷取長度限制）
diagram-not-captured = 未擷取

## Encapsulation: the sides and the steps
encap-side-sender = 傳送端 · 封裝
encap-side-wire = 在線路上
encap-side-receiver = 接收端 · 解封裝
pdu-bits = 位元
piece-data = { $protocol } 資料
piece-message = { $protocol } 訊息
piece-header = { $protocol } 標頭
piece-no-app-data = 無應用資料
encap-app-send-title = 應用程式把位元組交給通訊端
encap-app-send = 程式用 send()/write() 寫入 { $n } 位元組 { $preview }
encap-app-send-none-tcp = 沒有應用資料：這個區段是 TCP 自己的控制信令（核心為建立、確認或關閉連線而送出）
encap-app-send-none-udp = 沒有應用資料：程式送出了一個空的資料包
encap-builds-message = { $protocol } 建立了 { $n } 位元組的訊息
encap-adds-header-cut = { $protocol } 加上 { $n } 位元組的標頭（只擷取到 { $captured } 位元組）
encap-adds-header = { $protocol } 加上 { $n } 位元組的標頭
encap-step-title = { $tcpip }（OSI 第 { $osi } 層 { $osiname }）：{ $what }
encap-in-out = 進來 { $before } 位元組，出去 { $after } 位元組：{ $protocol } { $pdu }
encap-wire-title = 實體層（OSI 第 1 層）：線路
encap-wire-loopback = 回送介面沒有實體層：核心把這 { $n } 位元組的訊框直接交給自己
encap-wire-card = 網路卡把這 { $n } 位元組的訊框變成傳輸媒介上的訊號
encap-wire-trailer = 封包後面還跟著 { $n } 位元組的填充或尾端資料
encap-nothing-left = 什麼也不剩了
encap-goes-up = { $n } 位元組交給上一層
encap-reads-message = 核心讀取 { $protocol } 訊息
encap-removes-header = { $protocol } 檢查並移除自己的標頭
encap-check-then = { $check }；{ $next }
encap-app-recv-title = 應用程式收到位元組
encap-app-recv = recv()/read() 傳回 { $n } 位元組 { $preview }：已經沒有任何標頭
encap-app-recv-none = 應用程式什麼也收不到：這個區段只有控制資訊
encap-step-of = 第 { $step } 步，共 { $count } 步 · { $side }
encap-size-unit = 大小 { $before } → { $after } 位元組 · 資料單元：{ $pdu }
encap-header-bytes = 標頭位元組：{ $hex }
encap-bytes-before-after = { $before } → { $after } 位元組
encap-osi-tcpip = OSI 第 { $osi } 層 · { $tcpip }

## What a header tells, in the encapsulation steps
fact-dst-mac = 目的 MAC { $v }
fact-src-mac = 來源 MAC { $v }
fact-ethertype = 乙太網路類型 { $v }
fact-protocol = 協定 { $v }
fact-family = 位址族 { $v }
fact-vlan = VLAN { $v }
fact-addresses = 來源 { $src } → 目的 { $dst }
fact-ttl = TTL { $ttl }，協定 { $proto }
fact-ip-length = 總長度 { $len }，識別碼 { $id }
fact-hop-limit = 跳數限制 { $hlim }，下一個標頭 { $nxt }
fact-payload-length = 酬載長度 { $v }
fact-ports = 埠 { $src } → { $dst }
fact-seq-ack = 序號 { $seq }（原始值 { $seqraw }），確認號 { $ack }（原始值 { $ackraw }）
fact-flags-window = 旗標 { $flags }，視窗 { $window }
fact-udp-length = 長度 { $len }，檢查碼 { $checksum }
fact-type-code = 類型 { $kind }，代碼 { $code }
fact-opcode = 操作碼 { $v }
fact-arp-sender = 傳送端 { $ip }（{ $mac }）
fact-arp-target = 目標 { $v }
fact-type = 類型 { $v }
fact-raw = 沒有鏈結層標頭：封包直接從 IP 開始

## What the receiving layer checks
check-ethernet = 這個訊框送給 { $dst }（本機）；乙太網路類型 { $ethertype } 說明酬載交給誰
check-ipv4 = 目的位址 { $dst } 就是本機；協定欄位 { $proto } 說明酬載交給哪個傳輸層協定
check-ipv6 = 目的位址 { $dst } 就是本機；下一個標頭 { $nxt } 說明酬載交給哪個傳輸層協定
check-tcp = 目的埠 { $port } 找到對應的通訊端；序號 { $seq } 正是它期望的下一個位元組
check-udp = 目的埠 { $port } 找到對應的通訊端；整個資料包原樣交付
check-icmp = ICMP 由核心自己處理：沒有哪個應用程式的通訊端會收到它
check-arp = 由核心的 ARP 快取處理：與應用程式無關
check-other = 讀取並移除 { $protocol } 標頭

## The three layer models side by side
model-five-layer = 五層模型
model-no-own-header = 沒有自己的標頭
model-tcpip-application = 應用層
model-tcpip-transport = 傳輸層
model-tcpip-internet = 網際網路層
model-tcpip-link = 網路介面層
model-five-application = 應用層
model-five-transport = 傳輸層
model-five-network = 網路層
model-five-link = 資料連結層
model-five-physical = 實體層

## The encapsulation view
encap-select = 選取一個封包，看它是如何被封裝的。
encap-nothing = 這個封包沒有可展示的內容。
step-restart = ⟲ 重新開始
encap-step-count = 第 { $step } 步，共 { $n } 步
encap-export-all = 匯出全部步驟…

## The command line's help (English: the doc comments in src/cli; these exist in Chinese only)
cli-help-template =
    {"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
cli-heading-commands = 命令
cli-heading-arguments = 引數
cli-heading-options = 選項
cli-flag-help = 顯示說明
cli-flag-version = 顯示版本
cli-about = 看清兩個程式透過通訊端通訊時線路上真正發生了什麼
cli-file = 要開啟的擷取檔案（pcap 或 pcapng）；未指定時開啟內附的回應擷取檔
cli-read = 要開啟的擷取檔案；`-` 表示從標準輸入讀取 pcap 串流（`tcpdump -U -w - port 8888 | layerscope -r -`）
cli-interface = 啟動後立即在這個介面上擷取（例如 `lo`）
cli-capture_filter = 配合 `-i` 使用的 BPF 擷取過濾器，例如 "tcp port 8888"
cli-display_filter = 要套用的顯示過濾器，使用 Wireshark 語法（例如 "tcp.flags.syn == 1"）
cli-select = 載入後選取這個訊框編號
cli-theme = 配色主題
cli-view = 啟動時顯示的檢視
cli-replay = 載入後像即時擷取一樣重播（每秒一個封包）
cli-demo = 立即執行一個內建示範（透過擷取輔助程式在回送介面上擷取）
cli-lang = 視窗和說明文字使用的語言：en、zh-CN 或 zh-TW（預設跟隨系統地區設定）
cli-dissect-about = 逐層解析擷取檔案（文字格式類似 `tshark -V`，也可輸出 JSON）
cli-dissect-file = pcap 或 pcapng 檔案；`-` 表示從標準輸入讀取 pcap 串流
cli-dissect-json = 輸出 JSON 陣列，每個封包一個物件，鍵為 Wireshark 欄位名稱
cli-dissect-summary = 每個封包只輸出一行摘要，而不是逐層展開
cli-dissect-count = 處理這麼多個封包後停止
cli-dissect-display_filter = 只輸出符合這個顯示過濾器的封包（Wireshark 的語法，同 tshark -Y）
cli-flow-about = 把每個 TCP 串流（以及 UDP 對話）畫成帶有兩端狀態的時序圖
cli-flow-file = 擷取檔案（pcap 或 pcapng）
cli-flow-stream = 只畫這一個 tcp.stream
cli-flow-display_filter = 只畫含有符合這個顯示過濾器之封包的串流
cli-flow-svg = 同時把時序圖儲存為 SVG 檔案（適合放進投影片，任何瀏覽器都能開啟）
cli-flow-png = 同時把時序圖儲存為 PNG 檔案
cli-flow-raw = 圖中使用原始序號和確認號，而不是相對值
cli-flow-theme = 圖的配色
cli-follow-about = 追蹤一個 TCP 串流或 UDP 會話：依序顯示每一方送出的位元組，可輸出為文字、tshark 的原始十六進位，或儲存到檔案
cli-follow-file = 封包檔案（pcap 或 pcapng）；`-` 表示從標準輸入讀取 pcap 串流
cli-follow-stream = 只追蹤這一個串流（tcp.stream，搭配 --udp 時為 udp.stream）；不指定時追蹤全部
cli-follow-udp = 追蹤 UDP 會話而不是 TCP 串流
cli-follow-format = 每個串流的輸出格式
cli-follow-display_filter = 只追蹤含有符合這個顯示過濾器之封包的串流
cli-follow-save = 把一方送出的位元組原樣寫入這個檔案（只能是一個串流）
cli-follow-direction = --save 寫入哪一方的位元組
cli-draw-about = 把一個封包的標頭結構圖或封裝步驟畫成 SVG 或 PNG（依副檔名決定）
cli-draw-file = 擷取檔案（pcap 或 pcapng）
cli-draw-view = 要畫什麼
cli-draw-frame = 訊框編號（從 1 開始）
cli-draw-output = 輸出檔案：`.svg` 或 `.png`
cli-draw-theme = 圖的配色
cli-capture-about = 用 libpcap 即時擷取封包（需要 CAP_NET_RAW）
cli-capture-interface = 要擷取的介面（預設：依旗標找到的回送介面：`lo`、`lo0` 或 Npcap 的回送介面）
cli-capture-filter = BPF 擷取過濾器，例如 "tcp port 8888"
cli-capture-write = 把封包寫到這裡（.pcapng 或 .pcap；`-` 表示以 pcap 格式輸出到標準輸出）；未指定時每個封包印出一行
cli-capture-count = 擷取到這麼多個封包後停止
cli-capture-autostop = 停止條件，與 tshark 相同：`duration:秒數`（最長一年）
cli-capture-snaplen = 每個封包保留的位元組數（1 到 262144），同 tcpdump 的 -s：60、68 或 96 會像舊預設值那樣截斷標頭
cli-demo-about = 錄製一個內建示範：內建伺服器和用戶端通訊時在回送介面上擷取
cli-demo-scenario = 要執行哪個示範
cli-demo-write = 把擷取結果寫到這裡（.pcapng 或 .pcap）；未指定時寫到暫存檔
cli-demo-interface = 要擷取的介面（預設：依旗標找到的回送介面：`lo`、`lo0` 或 Npcap 的回送介面）
cli-demo-interactive = 同時送出從標準輸入鍵入的每一行（TCP 示範），直到輸入結束
cli-interfaces-about = 列出網路介面及其位址和旗標
cli-echo-about = 回應示範的伺服器和用戶端
cli-echo-server-about = 執行回應（或轉大寫）伺服器
cli-echo-server-proto = 傳輸層協定
cli-echo-server-listen = 監聽的位址和埠
cli-echo-server-mode = `echo` 原樣送回每則訊息；`upper` 轉成大寫後送回
cli-echo-server-max_sessions = 服務完這麼多個用戶端（TCP）或資料包（UDP）後結束
cli-echo-server-max_clients = 同時連線的用戶端數上限
cli-echo-server-idle_timeout = 用戶端閒置這麼多秒後中斷它
cli-echo-client-about = 連線到伺服器、送出訊息並印出回覆
cli-echo-client-proto = 傳輸層協定
cli-echo-client-connect = 伺服器的位址和埠
cli-echo-client-message = 要送出的訊息（重複這個選項可送出多則）
cli-echo-client-count = 把訊息送出這麼多次
cli-echo-client-interactive = 同時送出從標準輸入鍵入的每一行
cli-echo-client-timeout = 等待回覆的秒數

## Damaged files and failed captures
mixed-interfaces-file = { $file } 沒有損毀，但 libpcap 讀到第 { $n } 個封包之後就無法繼續：它的各個介面的快照長度或鏈路類型不同（{ $reason }）。可以用統一的快照長度重寫：editcap -F pcap { $file } copy.pcap（只有一種鏈路類型時），或依介面拆分：tshark -r { $file } -Y "frame.interface_id == 0" -w part0.pcapng
reassembly-limit = { $n } 則應用訊息太大，無法拼接（每則上限 { $each } MiB，合計 { $all } MiB）：它們的區段逐一顯示
damaged-file = { $file } 在第 { $n } 個封包之後損毀：{ $reason }；已顯示損毀處之前完整的 { $n } 個封包
damaged-stream = 資料串流在第 { $n } 個封包之後損毀：{ $reason }；已顯示損毀處之前完整的 { $n } 個封包
failed-permission = { $reason }（權限面板裡有開通方法）
failed-after = { $reason }；已顯示之前的 { $n } 個封包
origin-stdin = 標準輸入

## Demos
demo-no-teardown = 擷取在 { $secs } 秒內沒有看到 { $name } 示範的結束；已依現有內容停止。
demo-recording-replayed = 這是「{ $title }」示範的錄製檔，正在重播：這台機器上沒有擷取權限。
demo-title-tcp-echo = TCP 回應（埠 8888）
demo-title-upper = 轉大寫伺服器（埠 3234），兩個用戶端
demo-title-udp-echo = UDP 回應（埠 9999）
demo-title-json = 基於 TCP 的 JSON（埠 9999）
demo-title-tcp-echo-v6 = IPv6 上的 TCP 回應（::1）
demo-title-refused = 連線到一個沒有監聽的埠（RST）
demo-title-large = 大量資料傳輸，200 KB
demo-title-sticky = 「黏包」：三次 send，一次 recv（埠 3234）
demo-about-tcp-echo = 127.0.0.1:8888 上的 TCP 回應："Hello, server!" 再加兩行，然後關閉連線。
demo-about-upper = 埠 3234 上的轉大寫伺服器，兩個用戶端先後連線。
demo-about-udp-echo = 埠 9999 上的 UDP 回應：兩個資料包，完全沒有連線。
demo-about-json = 埠 9999 上基於 TCP 的 JSON：一個請求物件，一個 {"{"}"status": "success", ...{"}"} 回應。
demo-about-tcp-echo-v6 = 經 IPv6 回送位址（::1）的 TCP 回應，埠 8888。
demo-about-refused = 連線到沒有程式監聽的 8889 埠：SYN 得到的回答是 RST。
demo-about-large = 經埠 8890 的回應伺服器傳送 200 KB：可以看到視窗縮放和視窗更新。
demo-about-sticky = 用戶端呼叫三次 send()，伺服器只呼叫一次 recv()：TCP 傳送的是位元組串流，所以伺服器一次讀到 "helloworld中文"。打開追蹤檢視看看每次 send 在哪裡。
demo-title-command = 安全的遠端命令：每個回答前面加長度（連接埠 3234）
demo-about-command = 用戶端送出 date、ls 和 ipconfig；伺服器從一張固定、無害的表裡回答（它從不執行收到的內容），每個回答前面先用 4 個位元組寫出長度——正是解決黏包的分框方式。到「追蹤串流 ▸ 訊息與區段」裡看看。
demo-title-download = 檔案下載：48 KB，前面是它的長度（連接埠 3235）
demo-about-download = 伺服器先送出檔案的長度，再送出檔案本身，分成許多區段；用戶端印出它的 SHA-256。從追蹤視圖儲存伺服器一方的位元組，比較一下。
demo-title-http = HTTP：一次 GET 和一次 JSON POST（連接埠 8000）
demo-about-http = 一次用 Content-Length 回答的 GET，然後一次 POST json.dumps({"{"}'name': '小飛機'{"}"})，用 JSON 回答，各用一條連線：請求行、標頭、一個空行、主體。

## The command line's human text
say-wrote = 已寫入 { $path }
say-warning = 警告：{ $text }
say-demo-start = 示範 { $name }：{ $title }（擷取過濾器 "{ $filter }"）
say-demo-no-teardown = 擷取在 { $secs } 秒內沒有看到示範結束；依現有內容停止
text-frame-cut = 這個訊框被擷取長度限制截斷：{ $wire } 位元組中只擷取到 { $captured } 位元組
text-layer-heading = { $protocol } · OSI 第 { $osi } 層 { $osiname } · TCP/IP { $tcpip } · { $protocol } { $pdu } · 位元組 { $start }..{ $end }（{ $size }）
text-layer-reassembled = {" "}· 位於重組後的訊息中
flow-tcp-title = TCP 串流 { $stream }：用戶端 { $client } ⇄ 伺服器 { $server }
flow-udp-title = UDP 對話 { $i }：{ $a } ⇄ { $b }
flow-frame = 訊框
flow-time = 時間（秒）
flow-data = 資料 { $text }
follow-tcp-title = TCP 串流 { $stream }：{ $a } ⇄ { $b }
follow-udp-title = UDP 串流 { $stream }：{ $a } ⇄ { $b }
follow-client = 用戶端 { $addr }
follow-server = 伺服器 { $addr }
follow-sizes = { $a } 送出了 { $ab } 位元組（{ $enca }）· { $b } 送出了 { $ba } 位元組（{ $encb }）
follow-binary = 不是文字
follow-run = { $who } · { $frames } · { $n } 位元組
follow-frames = { $n ->
   *[other] 訊框 { $list }（{ $n } 個）
}
follow-missing = [封包檔案中缺少 { $n } 位元組]
follow-dropped = 這個串流有 { $n } 位元組沒有保留：它超過了 layerscope 為一個串流保留的上限（64 MiB）
follow-none = 沒有符合的 { $proto } 串流
follow-save-one = --save 只寫一個串流，而現在有 { $n } 個符合：用 --stream 選一個
follow-saved = 已把 { $stream } 的 { $n } 位元組寫入 { $path }（SHA-256 { $sha }）
follow-search = 搜尋…
follow-search-tip = 在這段會話中尋找文字（不分大小寫）
follow-conversation = 會話
follow-conversation-tip = 每一方的位元組依序排列，就是接收端程式讀到的樣子
follow-messages = 訊息與區段
follow-messages-tip = 傳送端的每則訊息從哪裡開始、到哪裡結束，對照 TCP 把位元組切成的區段（黏包）
follow-copy = 複製文字
follow-json-decoded = JSON，json.loads 讀到的內容：{ $json }
follow-save = 儲存位元組
follow-save-side = 儲存{ $who }送出的內容…
follow-save-title = 依原樣儲存一方送出的位元組
follow-hits = { $n } 段符合
follow-truncated = 只顯示了 { $n } 段中的前 { $shown } 段；「儲存」會寫入全部
follow-chunk = 第 { $frame } 訊框 · { $n } 位元組
follow-chunk-tip = 點一下在封包清單中選取這個訊框
follow-stream-explained = TCP 傳送的是位元組串流，不是一則則訊息：程式呼叫的 send() 和 recv() 不會出現在線路上。核心依自己的方式把位元組切成區段——Nagle 演算法可能把幾次小的 send 合併成一個區段，一次大的 send 會分成好幾個——而每次 recv() 傳回的是已經到達的資料，最多到緩衝區大小。只有應用程式自己的分框方式才能說明一則訊息在哪裡結束。
follow-side-heading = { $who } → { $to }：{ $segments } 個區段，{ $messages } 則訊息
follow-framing-newline = 分框方式：每行一則訊息，以 "\n" 結尾（這裡有 { $n } 則）。接收端讀到換行字元為止，不管位元組分在哪幾個區段裡。
follow-framing-prefix-be = 分框方式：每則訊息前面用 4 個位元組寫出它的長度，網路位元組順序——struct.pack('!I', n)（這裡有 { $n } 則）。接收端先讀 4 個位元組，再讀恰好那麼多：黏包問題解決了。
follow-framing-prefix-le = 分框方式：每則訊息前面用 4 個位元組寫出它的長度，小端序——PC 上的 struct.pack('i', n)（這裡有 { $n } 則）。接收端先讀 4 個位元組，再讀恰好那麼多：黏包問題解決了。
follow-framing-json = 分框方式：一個接一個的 JSON 值（這裡有 { $n } 個）。除了 JSON 本身沒有別的標記說明一個值在哪裡結束，所以接收端必須解析才能找到（json.JSONDecoder().raw_decode）。
follow-framing-none = 沒有分框：這些位元組裡沒有任何標記說明一次 send() 在哪裡結束、下一次從哪裡開始。這裡它們分在 { $segments } 個區段裡傳送（見下面的色塊），但只呼叫一次 recv() 的接收端可能把幾次 send 的內容一起收到（黏包），也可能只收到一次的一部分（拆包）。解決辦法：給每則訊息加上長度前綴或分隔符。
follow-segments-heading = 線路上——每個區段（在迴環介面上通常就是一次 send()）：
follow-segment-line = 第 { $frame } 訊框 · { $n } 位元組 · { $text }
follow-messages-heading = 接收端能區分出的——依它的分框方式得到的訊息：
follow-message-line = #{ $i } · { $n } 位元組 · 訊框 { $frames }（{ $segments } 個區段）· { $text }

## 欄位說明，以 field-<欄位名稱，. 改為 -> 為鍵（英文原文在欄位登錄表 crates/wire/src/registry 中）

field-arp-dst-hw = 目標的 MAC 位址；在請求中為全零，因為這正是要問的內容。
field-arp-dst-hw_mac = 目標的 MAC 位址；在請求中為全零，因為這正是要問的內容。
field-arp-dst-proto = 想要知道（或被詢問）其 MAC 位址的 IP 位址。
field-arp-dst-proto_ipv4 = 想要知道（或被詢問）其 MAC 位址的 IP 位址。
field-arp-hw-size = 硬體位址的長度，單位位元組（乙太網路為 6）。
field-arp-hw-type = 要解析的硬體位址類型（1 = 乙太網路）。
field-arp-opcode = 1 表示詢問「誰有這個 IP 位址？」，2 表示回答「它在這個 MAC 位址」。
field-arp-proto-size = 協定位址的長度，單位位元組（IPv4 為 4）。
field-arp-proto-type = 要解析的協定位址類型（0x0800 = IPv4）。
field-arp-src-hw = 傳送端的 MAC 位址，接收端可以把它快取起來。
field-arp-src-hw_mac = 傳送端的 MAC 位址，接收端可以把它快取起來。
field-arp-src-proto = 傳送端的 IP 位址。
field-arp-src-proto_ipv4 = 傳送端的 IP 位址。
field-data-data = 應用程式寫入通訊端的位元組。
field-data-len = 應用程式在這個封包裡送出了多少位元組。
field-data-text = 把同樣的位元組當作文字來讀。
field-eth-addr = 任一 MAC 位址：符合來源位址或目的位址。
field-eth-dst = 這個訊框要交給的網路卡的 MAC 位址；在回送介面上為全零，因為不經過任何網路卡。
field-eth-dst-ig = 位址表示一個群組（群播或廣播）而不是單一網路卡時設定。
field-eth-dst-lg = 位址是本地指派的、而不是廠商燒錄的時設定。
field-eth-len = 在 IEEE 802.3 訊框中，這個位置存放的是酬載長度而不是類型；隨後的 LLC 標頭再指明協定。
field-eth-padding = 補上的零位元組，因為乙太網路訊框的酬載至少要有 46 位元組。
field-eth-src = 送出這個訊框的網路卡的 MAC 位址；在回送介面上為全零。
field-eth-src-ig = 位址表示一個群組（群播或廣播）而不是單一網路卡時設定。
field-eth-src-lg = 位址是本地指派的、而不是廠商燒錄的時設定。
field-eth-trailer = 封包之後不屬於任何協定的多餘位元組（常由擷取硬體加上）。
field-eth-type = 這個訊框承載的是哪種協定，接收端據此知道把酬載交給協定堆疊的哪一部分（0x0800 = IPv4，0x86dd = IPv6，0x0806 = ARP）。
field-frame-cap_len = 擷取保留了這個訊框的多少位元組（被擷取長度限制截斷時會少於線路上的長度）。
field-frame-len = 這個訊框在線路上有多少位元組。
field-frame-number = 這個訊框在擷取中的編號，從 1 開始。
field-frame-time_relative = 距擷取中第一個訊框的秒數。
field-http-file_data = 訊息的主體：請求送出的內容或回應攜帶的內容（網頁、檔案、JSON）。
field-http-request-line = 一行標頭：名稱: 值，以 CR LF 結尾；一個空行表示標頭結束。
field-http-request-method = 用戶端希望伺服器做什麼（GET、POST ……）。
field-http-request-uri = 請求的是哪個資源。
field-http-request-version = 所使用的 HTTP 版本。
field-http-response-code = 狀態碼：2xx 成功，3xx 重新導向，4xx 用戶端錯誤，5xx 伺服器錯誤。
field-http-response-line = 一行標頭：名稱: 值，以 CR LF 結尾；一個空行表示標頭結束。
field-http-response-phrase = 狀態碼對應的文字。
field-http-response-version = 所使用的 HTTP 版本。
field-http-request-first_line = 請求的第一行：方法、資源、版本。
field-http-response-first_line = 回應的第一行：版本、狀態碼、原因短語。
field-http-request-full_uri = Host 標頭和請求 URI 合在一起：用戶端請求的完整位址。
field-http-host = 用戶端要存取哪個站台：一個伺服器位址可以承載多個網域名稱。
field-http-user_agent = 用戶端程式（curl、瀏覽器、Python 的 urllib）。
field-http-accept = 用戶端能接受的內容類型。
field-http-accept_encoding = 用戶端能解開的壓縮方式（gzip ……）。
field-http-accept_language = 使用者偏好的語言。
field-http-connection = 這則訊息之後連線是保持開啟（keep-alive）還是關閉。
field-http-content_type = 主體是什麼（text/html、application/json ……）以及它的字元集。
field-http-content_length_header = 主體的位元組數，依標頭寫的原樣：接收端恰好讀這麼多（一種用文字寫的長度前綴）。
field-http-content_length = 主體的位元組數。
field-http-transfer_encoding = chunked：主體分塊傳送，每塊前面寫著它的十六進位大小，最後是大小為 0 的一塊——用於事先不知道長度的主體。
field-http-server = 伺服器程式。
field-http-date = 伺服器送出回應的時間。
field-http-last_modified = 資源最後一次修改的時間。
field-http-location = 重新導向讓用戶端去的位址。
field-http-referer = 連結到這裡的頁面。
field-http-cookie = 用戶端為這個站台保存並送回的狀態。
field-http-cache_control = 回應可以保存並重複使用多久。
field-http-chunk_size = 這一塊的位元組數，以十六進位寫在塊前面。
field-http-chunk_data = 分塊主體中的一塊。
field-icmp-address_mask = 請求或給出的子網路遮罩。
field-icmp-checksum = 檢測整個 ICMP 訊息是否損毀。
field-icmp-code = 對類型的細分，例如對於無法到達：3 = 埠無法到達，1 = 主機無法到達。
field-icmp-ident = 識別碼，把回應答覆和送出請求的程式配對。
field-icmp-mtu = 下一跳能接受的最大封包，傳送端據此把封包改小。
field-icmp-originate_timestamp = 訊息送出、接收或回應時距 UTC 午夜的毫秒數。
field-icmp-pointer = 原始標頭中出錯的是哪個位元組。
field-icmp-receive_timestamp = 訊息送出、接收或回應時距 UTC 午夜的毫秒數。
field-icmp-redir_gw = 主機到這個目的地應該改用的更好的路由器。
field-icmp-seq = 序號，把每個答覆和它的請求配對。
field-icmp-transmit_timestamp = 訊息送出、接收或回應時距 UTC 午夜的毫秒數。
field-icmp-type = 這是哪種 ICMP 訊息：8 = 回應請求（ping），0 = 回應答覆，3 = 目的地無法到達，11 = 逾時。
field-icmp-unused = 這種訊息類型中未使用，為零。
field-icmpv6-checksum = 檢測訊息以及它所經過的位址是否損毀。
field-icmpv6-code = 對類型的細分。
field-icmpv6-echo-identifier = 把回應答覆和送出請求的程式配對。
field-icmpv6-echo-sequence_number = 把每個回應答覆和它的請求配對。
field-icmpv6-mtu = 下一條鏈結能接受的最大封包（封包過大）。
field-icmpv6-nd-na-flag = 通告旗標：是否由路由器送出、是否是對詢問的回應、是否覆寫已快取的項目。
field-icmpv6-nd-na-flag-o = 通告旗標：是否由路由器送出、是否是對詢問的回應、是否覆寫已快取的項目。
field-icmpv6-nd-na-flag-r = 通告旗標：是否由路由器送出、是否是對詢問的回應、是否覆寫已快取的項目。
field-icmpv6-nd-na-flag-s = 通告旗標：是否由路由器送出、是否是對詢問的回應、是否覆寫已快取的項目。
field-icmpv6-nd-na-target_address = 這則通告給出其鏈結層位址的那個位址。
field-icmpv6-nd-ns-target_address = 要詢問其鏈結層位址的位址（IPv6 中取代 ARP 的機制）。
field-icmpv6-nd-ra-cur_hop_limit = 主機在這條鏈結上採用的路由器通告設定。
field-icmpv6-nd-ra-flag = 主機在這條鏈結上採用的路由器通告設定。
field-icmpv6-nd-ra-flag-m = 主機在這條鏈結上採用的路由器通告設定。
field-icmpv6-nd-ra-flag-o = 主機在這條鏈結上採用的路由器通告設定。
field-icmpv6-nd-ra-reachable_time = 主機在這條鏈結上採用的路由器通告設定。
field-icmpv6-nd-ra-retrans_timer = 主機在這條鏈結上採用的路由器通告設定。
field-icmpv6-nd-ra-router_lifetime = 主機在這條鏈結上採用的路由器通告設定。
field-icmpv6-nd-rd-target_address = 重新導向：到某個目的地更好的第一跳。
field-icmpv6-opt = 一個鄰居探索選項。
field-icmpv6-opt-length = 一個鄰居探索選項。
field-icmpv6-opt-linkaddr = 鄰居探索中攜帶的鏈結層（MAC）位址。
field-icmpv6-opt-mtu = 鏈結的 MTU。
field-icmpv6-opt-prefix = 鏈結上的主機可以用來建構位址的網路前綴。
field-icmpv6-opt-prefix-length = 鏈結上的主機可以用來建構位址的網路前綴。
field-icmpv6-opt-prefix-preferred_lifetime = 鏈結上的主機可以用來建構位址的網路前綴。
field-icmpv6-opt-prefix-valid_lifetime = 鏈結上的主機可以用來建構位址的網路前綴。
field-icmpv6-opt-type = 一個鄰居探索選項。
field-icmpv6-pointer = 原始封包中引起問題的是哪個位元組。
field-icmpv6-rd-na-destination_address = 重新導向：到某個目的地更好的第一跳。
field-icmpv6-reserved = 保留，為零。
field-icmpv6-type = 這是哪種 ICMPv6 訊息：128/129 = 回應，135/136 = 鄰居請求/通告，1 = 目的地無法到達。
field-igmp-checksum = IGMP：主機告訴路由器自己想加入哪些群播群組。
field-igmp-maddr = IGMP：主機告訴路由器自己想加入哪些群播群組。
field-igmp-max_resp = IGMP：主機告訴路由器自己想加入哪些群播群組。
field-igmp-type = IGMP：主機告訴路由器自己想加入哪些群播群組。
field-ip = 引發這個 ICMP 錯誤的封包的開頭，被引用回來，好讓傳送端知道是哪條連線出了問題。
field-ip-addr = 任一 IPv4 位址：符合來源位址或目的位址。
field-ip-checksum = 檢測 IPv4 標頭是否損毀；因為 TTL 會變，每個路由器都要重新計算它。
field-ip-dsfield = 差異化服務：路由器應如何安排這個封包的優先順序，以及壅塞訊號。
field-ip-dsfield-dscp = 路由器用於服務品質的流量類別（0 = 盡力而為）。
field-ip-dsfield-ecn = 明確壅塞通知：路由器不必丟棄封包就能發出壅塞訊號。
field-ip-dst = 目的 IP 位址。
field-ip-flags = 與分段有關的三個控制位元。
field-ip-flags-df = 不分段：路由器寧可丟棄這個封包也不能把它拆開（用於探索路徑 MTU）。
field-ip-flags-mf = 更多分段：除最後一個分段外都設定。
field-ip-flags-rb = 保留，必須為零。
field-ip-frag_offset = 這個分段的資料在原始資料包中的位置，以 8 位元組為單位。
field-ip-hdr_len = IPv4 標頭（含選項）的長度，以 4 位元組為單位存放，接收端據此知道酬載從哪裡開始。
field-ip-id = 同一個資料包的所有分段共用的編號，接收端據此把它們重新組合起來。
field-ip-len = IPv4 封包的總長度（標頭加資料），單位位元組。
field-ip-opt = 一個 IPv4 選項。
field-ip-opt-data = 一個 IPv4 選項。
field-ip-opt-flag = 時間戳記選項資料：路由器記錄下處理這個封包的時間。
field-ip-opt-len = 選項的長度，單位位元組。
field-ip-opt-malformed = 一個 IPv4 選項。
field-ip-opt-overflow = 時間戳記選項資料：路由器記錄下處理這個封包的時間。
field-ip-opt-ptr = 選項中下一個位址或時間戳記將寫入的位置。
field-ip-opt-ra = 路由器警示：要求路徑上的每個路由器都查看這個封包（IGMP 和 RSVP 使用）。
field-ip-opt-time_stamp = 時間戳記選項資料：路由器記錄下處理這個封包的時間。
field-ip-opt-type = 選項類型：是否複製到分段中、它的類別和編號。
field-ip-opt-type-class = 選項類型：是否複製到分段中、它的類別和編號。
field-ip-opt-type-copy = 選項類型：是否複製到分段中、它的類別和編號。
field-ip-opt-type-number = 選項類型：是否複製到分段中、它的類別和編號。
field-ip-options = 可選的標頭擴充，如今很少見。
field-ip-options-eol = 一個 IPv4 選項。
field-ip-options-nop = 一個 IPv4 選項。
field-ip-proto = 酬載是哪種協定，接收端據此把它交給 TCP（6）、UDP（17）、ICMP（1）等。
field-ip-rec_rt = 路由選項中記錄或指定的路由器位址。
field-ip-src = 來源 IP 位址。
field-ip-src_rt = 路由選項中記錄或指定的路由器位址。
field-ip-ttl = 存活時間：每經過一個路由器減一，減到零就丟棄，這樣封包不會無限循環。
field-ip-version = 這個標頭的 IP 版本：IPv4 為 4，IPv6 為 6。
field-ah = IPsec 認證標頭：證明封包由誰送出、內容沒有被竄改。
field-ah-length = 這個擴充標頭的長度，以 8 位元組為單位，不含最前面的 8 位元組。
field-ah-next_header = 緊跟在這個擴充標頭之後的標頭。
field-ah-sequence = IPsec 認證標頭：證明封包由誰送出、內容沒有被竄改。
field-ah-spi = IPsec 認證標頭：證明封包由誰送出、內容沒有被竄改。
field-ipv6 = 引發這個 ICMP 錯誤的封包的開頭，被引用回來，好讓傳送端知道是哪條連線出了問題。
field-ipv6-addr = 任一 IPv6 位址：符合來源位址或目的位址。
field-ipv6-dst = 目的 IPv6 位址。
field-ipv6-dstopts = IPv6 擴充標頭，串接在 IPv6 標頭和上層協定之間。
field-ipv6-dstopts-len = 這個擴充標頭的長度，以 8 位元組為單位，不含最前面的 8 位元組。
field-ipv6-dstopts-len_oct = 這個擴充標頭的長度，單位位元組。
field-ipv6-dstopts-nxt = 緊跟在這個擴充標頭之後的標頭。
field-ipv6-flow = 流量標籤：讓路由器把同一個流的封包保持在同一條路徑上。
field-ipv6-fraghdr = IPv6 擴充標頭，串接在 IPv6 標頭和上層協定之間。
field-ipv6-fraghdr-ident = 同一個封包的所有分段共用，以便重新組合。
field-ipv6-fraghdr-more = 除最後一個分段外都設定。
field-ipv6-fraghdr-nxt = 緊跟在這個擴充標頭之後的標頭。
field-ipv6-fraghdr-offset = 這個分段的資料在原始封包中的位置，以 8 位元組為單位。
field-ipv6-fraghdr-reserved_bits = 保留，為零。
field-ipv6-fraghdr-reserved_octet = 保留，為零。
field-ipv6-hlim = 跳數限制：和 IPv4 的 TTL 一樣，每經過一個路由器減一。
field-ipv6-hopopts = IPv6 擴充標頭，串接在 IPv6 標頭和上層協定之間。
field-ipv6-hopopts-len = 這個擴充標頭的長度，以 8 位元組為單位，不含最前面的 8 位元組。
field-ipv6-hopopts-len_oct = 這個擴充標頭的長度，單位位元組。
field-ipv6-hopopts-nxt = 緊跟在這個擴充標頭之後的標頭。
field-ipv6-nxt = 後面跟著哪個標頭：擴充標頭或上層協定（6 = TCP，17 = UDP，58 = ICMPv6）。
field-ipv6-opt = 逐跳選項標頭或目的選項標頭中的一個選項。
field-ipv6-opt-jumbo = 超過 65535 位元組的巨型封包的真實酬載長度。
field-ipv6-opt-length = 逐跳選項標頭或目的選項標頭中的一個選項。
field-ipv6-opt-padn = 逐跳選項標頭或目的選項標頭中的一個選項。
field-ipv6-opt-router_alert = 要求路徑上的路由器檢查這個封包。
field-ipv6-opt-type = 逐跳選項標頭或目的選項標頭中的一個選項。
field-ipv6-opt-unknown = 逐跳選項標頭或目的選項標頭中的一個選項。
field-ipv6-plen = 40 位元組 IPv6 標頭之後所有內容的長度，單位位元組。
field-ipv6-routing = IPv6 擴充標頭，串接在 IPv6 標頭和上層協定之間。
field-ipv6-routing-len = 這個擴充標頭的長度，以 8 位元組為單位，不含最前面的 8 位元組。
field-ipv6-routing-nxt = 緊跟在這個擴充標頭之後的標頭。
field-ipv6-routing-segleft = 列出的路由器中還有幾個要經過。
field-ipv6-routing-src-addr = 封包必須經過的一個路由器。
field-ipv6-routing-type = 這是哪種路由標頭。
field-ipv6-src = 來源 IPv6 位址（::1 是回送位址）。
field-ipv6-tclass = 流量類別：優先順序和壅塞訊號，相當於 IPv4 的 DS 欄位。
field-ipv6-tclass-dscp = 路由器用於服務品質的流量類別。
field-ipv6-tclass-ecn = 明確壅塞通知位元。
field-ipv6-version = IP 版本：6。
field-null-family = BSD 回送介面上封包的位址族（2 = IPv4，24/28/30 = IPv6）。
field-sll-etype = 承載的協定，用 EtherType 表示。
field-sll-halen = 位址欄位實際用了多少位元組。
field-sll-hatype = 擷取到這個封包的鏈結類型（1 = 乙太網路，772 = 回送）。
field-sll-ifindex = 核心給看到這個封包的介面編的號碼。
field-sll-ltype = 沒有 EtherType 的訊框所用的 Linux 內部協定號碼。
field-sll-pkttype = 封包是怎樣到達擷取點的：本機送出、送給本機、廣播、群播或送給其他主機。
field-sll-reserved = 未使用，總是為零。
field-sll-src-eth = 核心記錄的傳送端鏈結層位址。
field-sll-src-other = 核心記錄的傳送端鏈結層位址。
field-tcp = 引發這個 ICMP 錯誤的封包的開頭，被引用回來，好讓傳送端知道是哪條連線出了問題。
field-tcp-ack = 相對確認號：傳送端期望從對方收到的下一個位元組，也就是說在它之前的都已收到。
field-tcp-ack_raw = 實際送出的確認號。
field-tcp-analysis = 從整個對話看這個區段：它的作用、專家提示以及兩端的狀態。
field-tcp-analysis-ack_lost_segment = 這裡確認了擷取中從未出現過的資料。
field-tcp-analysis-duplicate_ack = 又一次相同的確認：接收端缺了資料，正在要它。
field-tcp-analysis-fast_retransmission = 傳送端把之前送過的資料又送了一次，因為它沒有及時收到確認。
field-tcp-analysis-keep_alive = 檢查閒置連線是否仍然存活的探測。
field-tcp-analysis-lost_segment = 這個區段之前的資料在擷取中缺失。
field-tcp-analysis-out_of_order = 這個區段落在傳送端已經送出的序號之後，但來得太快（在連線的第一個往返時間之內），不像是重傳：是網路把它亂序送達了。
field-tcp-analysis-acks_frame = 這個確認所涵蓋的資料來自哪一個訊框（正好確認到該區段的最後一個位元組）。
field-tcp-analysis-ack_rtt = 往返時間：這個確認比那個區段晚多久被擷取到，單位為秒。
field-tcp-analysis-keep_alive_ack = 對保活探測的回應：再次送出同樣的確認，表示連線還在。
field-tcp-analysis-reused_ports = 在同樣的位址和連接埠上開始了一個新連線，和這次擷取裡更早的一個連線相同：用戶端綁定了固定連接埠，或者連接埠號輪了一圈又用到了。
field-tcp-analysis-zero_window_probe_ack = 對零窗口探測的回應：接收端的窗口仍然是關閉的。
field-tcp-analysis-retransmission = 傳送端把之前送過的資料又送了一次，因為它沒有及時收到確認。
field-tcp-analysis-spurious_retransmission = 傳送端把之前送過的資料又送了一次，因為它沒有及時收到確認。
field-tcp-analysis-window_full = 這個區段填滿了接收端通告的視窗。
field-tcp-analysis-window_update = 只有視窗變了：接收端又有空間了。
field-tcp-analysis-zero_window = 接收端的緩衝區滿了：傳送端必須停下，直到視窗重新打開。
field-tcp-analysis-zero_window_probe = 一個位元組的探測，詢問零視窗是否已經打開。
field-tcp-checksum = 檢測區段是否損毀；在回送介面上核心常常略過它，所以這裡不做驗證。
field-tcp-connection-role = 這個區段在建立或關閉連線中的作用。
field-tcp-connection-rst = 連線被重設了。
field-tcp-dstport = 接收程式的埠（回應伺服器示範中是 8888）。
field-tcp-flags = 用來建立、關閉和控制連線的控制位元。
field-tcp-flags-ack = 確認號有效；除第一個 SYN 外每個區段都設定。
field-tcp-flags-ae = 精確 ECN（原先的 nonce 和位元）。
field-tcp-flags-cwr = 壅塞視窗已縮小：傳送端在收到 ECN 回應後放慢了速度。
field-tcp-flags-ece = ECN 回應：告訴對方有路由器發出了壅塞訊號。
field-tcp-flags-fin = 結束：傳送端沒有更多資料要送了；關閉時雙方各送一個。
field-tcp-flags-push = 推送：馬上把資料交給應用程式，不要等更多資料。
field-tcp-flags-res = 保留，為零。
field-tcp-flags-reset = 重設：立即中止連線（也是對送往無人監聽埠的 SYN 的回答）。
field-tcp-flags-str = 用字母表示的旗標，和 Wireshark 顯示的一樣。
field-tcp-flags-syn = 同步：建立連線並攜帶初始序號；交握的前兩個區段帶有它。
field-tcp-flags-urg = 緊急指標有效（很少使用）。
field-tcp-hdr_len = TCP 標頭（含選項）的長度，以 4 位元組為單位存放，接收端據此知道資料從哪裡開始。
field-tcp-len = 這個區段攜帶了多少位元組的應用資料。
field-tcp-nxtseq = 傳送端下一次要用的序號：本序號加上資料長度（SYN 或 FIN 各算一個位元組）。
field-tcp-option_kind = 這是哪個選項。
field-tcp-option_len = 選項的長度，單位位元組。
field-tcp-options = 可選的標頭擴充，大多在 SYN 區段中協商。
field-tcp-options-eol = 選項清單結束。
field-tcp-options-malformed = 本解析器不解碼的選項。
field-tcp-options-mptcp = 多路徑 TCP：一條連線走多條路徑。
field-tcp-options-mss = 最大區段大小：傳送端希望在一個區段中接收的最大資料塊。
field-tcp-options-mss_val = 最大區段大小：傳送端希望在一個區段中接收的最大資料塊。
field-tcp-options-nop = 無操作：一個位元組的填充，用來對齊下一個選項。
field-tcp-options-sack = 選擇性確認：缺口之後已到達的資料塊，這樣只需重傳缺失的部分。
field-tcp-options-sack_le = 選擇性確認：缺口之後已到達的資料塊，這樣只需重傳缺失的部分。
field-tcp-options-sack_perm = 傳送端支援選擇性確認。
field-tcp-options-sack_re = 選擇性確認：缺口之後已到達的資料塊，這樣只需重傳缺失的部分。
field-tcp-options-tfo = TCP 快速開啟：一個 cookie，讓資料可以搭 SYN 的便車。
field-tcp-options-timestamp = 時間戳記：傳送端的時鐘和對方時鐘的回應，用來測量往返時間並防止序號繞回。
field-tcp-options-timestamp-tsecr = 時間戳記：傳送端的時鐘和對方時鐘的回應，用來測量往返時間並防止序號繞回。
field-tcp-options-timestamp-tsval = 時間戳記：傳送端的時鐘和對方時鐘的回應，用來測量往返時間並防止序號繞回。
field-tcp-options-unknown = 本解析器不解碼的選項。
field-tcp-options-wscale = 視窗縮放：視窗欄位左移這麼多位元，使視窗可以超過 64 KiB。
field-tcp-options-wscale-multiplier = 視窗欄位要乘以這個數（2 的位移次方）。
field-tcp-options-wscale-shift = 視窗縮放：視窗欄位左移這麼多位元，使視窗可以超過 64 KiB。
field-tcp-reassembled-data = 由承載它的各個區段拼接而成的應用訊息，也就是接收程式讀到的內容。
field-tcp-reassembled-length = 拼接後的訊息有多少位元組。
field-tcp-segment = 承載了這則拼接訊息一部分的訊框。
field-tcp-segment-count = 這則訊息被切成了幾個區段：TCP 傳送的是位元組串流，一則訊息可能需要好幾個區段。
field-tcp-segment_data = 這個區段所承載的、跨越多個區段的應用訊息中的那一部分。
field-tcp-segments = 拼接成一則應用訊息的各個區段：訊息在完成它的那一個訊框裡被完整地、只解析一次。
field-tcp-payload = 這個區段承載的應用程式位元組。
field-tcp-port = 任一 TCP 埠：符合來源埠或目的埠。
field-tcp-seq = 相對於傳送端第一個序號的序號：這個區段的第一個資料位元組在傳送端位元組串流中的位置。
field-tcp-seq_raw = 實際送出的序號；雙方各自從一個隨機的初始序號（ISN）開始。
field-tcp-srcport = 傳送程式的埠：和 IP 位址一起識別送出這個區段的通訊端。
field-tcp-state-client = 這個端點在這個區段之後的 TCP 狀態（RFC 9293），由線路上的區段推斷。
field-tcp-state-server = 這個端點在這個區段之後的 TCP 狀態（RFC 9293），由線路上的區段推斷。
field-tcp-stream = Wireshark 給這個區段所屬 TCP 連線編的序號，在擷取中從 0 開始。
field-tcp-urgent_pointer = URG 旗標設定時，緊急資料在哪裡結束。
field-tcp-window_size = 依交握時協商的視窗縮放換算後的接收視窗，單位位元組。
field-tcp-window_size_scalefactor = 視窗欄位的倍數，來自交握中的視窗縮放選項（-1 未知，-2 未使用）。
field-tcp-window_size_value = 實際送出的接收視窗：這個區段的傳送端還能接收多少位元組（縮放前）。
field-udp = 引發這個 ICMP 錯誤的封包的開頭，被引用回來，好讓傳送端知道是哪條連線出了問題。
field-udp-checksum = 檢測是否損毀；在 IPv4 中可選（0 = 未計算）。
field-udp-dstport = 接收程式的埠（UDP 示範中是 9999）。
field-udp-length = UDP 標頭（8 位元組）加資料的長度。
field-udp-payload = 這個資料包中的應用程式位元組。
field-udp-port = 任一 UDP 埠：符合來源埠或目的埠。
field-udp-srcport = 傳送程式的埠。
field-udp-stream = Wireshark 給 UDP 對話（位址和埠對）編的序號，從 0 開始。
field-ieee8021ad-dei = 可丟棄：網路壅塞時這個訊框可以最先被丟棄。
field-ieee8021ad-id = 這個訊框所屬的虛擬區域網路；交換器把不同的 VLAN 分開，就像它們是不同的網路。
field-ieee8021ad-priority = 優先順序類別（0-7），交換器據此決定先轉發哪些訊框。
field-ieee8021ah-etype = VLAN 標籤之後承載的協定，和未加標籤的訊框的 EtherType 一樣。
field-vlan-dei = 可丟棄：網路壅塞時這個訊框可以最先被丟棄。
field-vlan-etype = VLAN 標籤之後承載的協定，和未加標籤的訊框的 EtherType 一樣。
field-vlan-id = 這個訊框所屬的虛擬區域網路；交換器把不同的 VLAN 分開，就像它們是不同的網路。
field-vlan-priority = 優先順序類別（0-7），交換器據此決定先轉發哪些訊框。
field-data-encoding = 把這些位元組讀成文字所用的編碼：UTF-8（Python 的 str.encode() 預設），或者在它們不是 UTF-8 而是 GBK 時用 GB18030（中文 Windows 主控台就這樣寫）。
field-json-object = 一個 JSON 物件：{ "{" } "鍵": 值, … { "}" }，也就是 Python 的 json.dumps 對字典的輸出。
field-json-array = 一個 JSON 陣列：[值, …]，也就是 json.dumps 對串列的輸出。
field-json-member = 物件中的一個 "鍵": 值 對。
field-json-key = 成員的名稱，跳脫已還原。
field-json-path = 這個值在整則訊息中的位置：一路往下的每個鍵，陣列元素寫作 []。
field-json-path_with_value = 這個值在整則訊息中的位置：一路往下的每個鍵，陣列元素寫作 []。
field-json-member_with_value = 成員的鍵和值寫在一起，鍵:值。
field-json-value-string = 一個字串，\uXXXX 跳脫已還原成程式寫的字元（json.dumps 把 小 寫成 \u5c0f）。
field-json-value-number = 一個數字，照原樣顯示。
field-json-value-true = 值 true（Python 的 True）。
field-json-value-false = 值 false（Python 的 False）。
field-json-value-null = 值 null（Python 的 None）。
field-dns-length = 在 TCP 上，每則 DNS 訊息前面用兩個位元組寫出它的長度：TCP 是位元組串流，接收端需要它來找到訊息的結尾（正是解決黏包的長度前綴）。
field-dns-id = 由用戶端選定，回答會原樣帶回，用戶端靠它把回答和問題對上（UDP 沒有連線來做這件事）。
field-dns-flags = 查詢還是回應、操作類型，以及結果如何。
field-dns-flags-response = 0：查詢；1：回應。
field-dns-flags-opcode = 操作類型：0 是標準查詢。
field-dns-flags-authoritative = 回答的伺服器負責這個名稱（不是從快取裡回答的）。
field-dns-flags-truncated = 回答裝不進一個資料包：請改用 TCP 再問一次。
field-dns-flags-recdesired = 用戶端請伺服器替它找到答案，必要時去問其他伺服器。
field-dns-flags-recavail = 伺服器能做到這一點。
field-dns-flags-z = 保留位元，總是 0。
field-dns-flags-authenticated = DNSSEC：伺服器檢查過回答的簽章。
field-dns-flags-checkdisable = DNSSEC：用戶端接受沒有檢查簽章的回答。
field-dns-flags-rcode = 結果：0 沒有錯誤，2 伺服器故障，3 沒有這個名稱，5 拒絕。
field-dns-count-queries = 後面有幾個問題。
field-dns-count-answers = 後面有幾筆回答記錄。
field-dns-count-auth_rr = 有幾筆記錄指出負責的伺服器。
field-dns-count-add_rr = 後面有幾筆附加記錄（EDNS 的 OPT 記錄、所列伺服器的位址）。
field-dns-qry-name = 一個網域名稱，一個標籤接一個標籤；後面的名稱可以指回前面出現過的名稱（壓縮），而不用重複。
field-dns-qry-name-len = 名稱的長度，以字元計。
field-dns-count-labels = 名稱有幾個標籤（點之間的部分）。
field-dns-qry-type = 問的是什麼：1 A（IPv4 位址），28 AAAA（IPv6），5 CNAME，15 MX，16 TXT。
field-dns-qry-class = 記錄的類別：1（IN）表示網際網路，幾乎總是它。
field-dns-resp-name = 一個網域名稱，一個標籤接一個標籤；後面的名稱可以指回前面出現過的名稱（壓縮），而不用重複。
field-dns-resp-type = 記錄裡存的是什麼：1 A，28 AAAA，5 CNAME，16 TXT，41 OPT（EDNS）。
field-dns-resp-class = 記錄的類別：1（IN）表示網際網路，幾乎總是它。
field-dns-resp-ttl = 這個回答可以快取多少秒。
field-dns-resp-len = 記錄資料的位元組數。
field-dns-a = 這個名稱對應的 IPv4 位址：也就是 getaddrinfo() 交給程式的位址。
field-dns-aaaa = 這個名稱對應的 IPv6 位址。
field-dns-cname = 這個名稱是別名：這是它的正式名稱，接著再查它。
field-dns-ns = 負責這個名稱的一台伺服器。
field-dns-ptr-domain_name = 一個位址對應的名稱（反向查詢）。
field-dns-mx-preference = 數值小的先試。
field-dns-mx-mail_exchange = 為這個名稱接收郵件的伺服器。
field-dns-txt-length = 後面那段文字的長度。
field-dns-txt = 在這個名稱下公布的任意文字。
field-dns-rr-udp_payload_size = EDNS：傳送端能接收的最大 UDP 回答。
field-dns-resp-ext_rcode = EDNS：結果代碼的更多位元。
field-dns-resp-edns0_version = EDNS 的版本，0。
field-dns-resp-z = EDNS 旗標。
field-dns-resp-z-do = DNSSEC OK：傳送端希望回答帶上簽章。
field-tls-record = 一筆 TLS 記錄：5 位元組的標頭（類型、版本、長度）和它攜帶的內容。
field-tls-record-content_type = 記錄攜帶的是什麼：22 交握，20 變更加密規格，21 警示，23 應用程式資料（已加密）。
field-tls-record-version = 0x0301 是 TLS 1.0，0x0303 是 TLS 1.2；TLS 1.3 在這裡寫 0x0303，真正的版本在 supported_versions 擴充裡。
field-tls-record-length = 記錄的長度：TLS 在 TCP 的位元組串流上用這個長度前綴給自己的訊息分框。
field-tls-app_data = 程式的資料，已加密：擷取 HTTPS 看到的就是它，而不是請求本身。
field-tls-change_cipher_spec = 從這裡開始，這一方開始加密（TLS 1.3 為了相容中間設備而保留）。
field-tls-handshake-type = 1 Client Hello，2 Server Hello：TLS 連線最初的訊息，以明文傳送。
field-tls-handshake-length = 交握訊息的長度。
field-tls-handshake-version = 0x0301 是 TLS 1.0，0x0303 是 TLS 1.2；TLS 1.3 在這裡寫 0x0303，真正的版本在 supported_versions 擴充裡。
field-tls-handshake-random = 雙方各自新產生的 32 個隨機位元組，混入金鑰。
field-tls-handshake-session_id_length = 工作階段 ID 的長度。
field-tls-handshake-session_id = 指明要恢復的先前工作階段（TLS 1.3 中為相容而保留）。
field-tls-handshake-cipher_suites_length = 加密套件清單的位元組數（每個套件兩個位元組）。
field-tls-handshake-ciphersuite = 用戶端提供的一種加密方式，或者（在 Server Hello 中）伺服器選定的那一種。
field-tls-handshake-comp_methods_length = 壓縮方法清單的長度。
field-tls-handshake-comp_method = 0：不壓縮（CRIME 攻擊之後壓縮已被棄用）。
field-tls-handshake-extensions_length = 擴充的總長度。
field-tls-handshake-extension-type = 哪個擴充：0 server_name（SNI），16 ALPN，43 supported_versions，51 key_share ……
field-tls-handshake-extension-len = 擴充的長度。
field-tls-handshake-extensions_server_name_list_len = 名稱清單的長度。
field-tls-handshake-extensions_server_name_type = 0：主機名稱。
field-tls-handshake-extensions_server_name_len = 名稱的長度。
field-tls-handshake-extensions_server_name = SNI：用戶端要存取的站台，以明文傳送——這樣一個位址可以承載多個站台，路徑上的任何人也因此能看到是哪個站台。
field-tls-handshake-extensions_alpn_len = 協定清單的長度。
field-tls-handshake-extensions_alpn_str_len = 協定名稱的長度。
field-tls-handshake-extensions_alpn_str = ALPN：在 TLS 裡面要說的協定（h2、http/1.1），由用戶端提供，伺服器選定。
field-tls-handshake-extensions-supported_versions_len = 版本清單的長度。
field-tls-handshake-extensions-supported_version = 一個 TLS 版本：0x0304 是 TLS 1.3，0x0303 是 TLS 1.2。

lab-recording = 實驗網路：正在把它的迴路介面錄製到 { $file }；除了這個迴路介面它沒有別的網路，命令結束時實驗網路結束
lab-no-such = 沒有名為 { $name } 的實驗網路（它已經結束，或者從未啟動）
cli-lab-name = 幾個命令（終端機）共同加入的實驗網路：第一個命令建立它，後面的命令在其中執行。最後一個命令結束時或使用 `--stop` 時它結束，最後離開的命令印出時序圖
cli-lab-stop = 立即結束這個具名的實驗網路（連同其中的程式），並印出它的時序圖
lab-linux-only = 私有實驗網路需要 Linux 的使用者命名空間和網路命名空間；在這個系統上請用擷取輔助程式擷取封包（見 `layerscope --help`）
lab-ended-by-signal = 實驗網路裡的命令被訊號終止了
lab-refused = 這個系統不允許一般使用者建立使用者命名空間（{ $reason }）。請管理員允許（`sysctl -w kernel.unprivileged_userns_clone=1`，或把 `user.max_user_namespaces` 設為大於 0），或者給擷取輔助程式一次性授予權限（見 README 的「不用 root 擷取封包」）
lab-no-capability = 實驗網路已建立，但在其中沒有獲得任何權限（{ $reason }）。Ubuntu 23.10 及以後的 AppArmor 會限制一般使用者的使用者命名空間：管理員可以開放（`sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`），或者給擷取輔助程式一次性授予權限（見 README 的「不用 root 擷取封包」）
lab-no-ip = 實驗網路無法啟用它的迴路介面：`ip`（iproute2）沒有執行成功（{ $reason }）；請安裝 iproute2
cli-lab-about = 私有實驗網路，不需要 root（Linux）：在一個只有它自己使用迴路介面的全新網路命名空間裡執行程式，錄下這個迴路介面，並印出時序圖
cli-lab-write = 把錄下的封包存到這裡（.pcapng 或 .pcap）；不指定時顯示後刪除
cli-lab-filter = 實驗網路迴路介面上的 BPF 擷取過濾器，例如 "tcp port 8888"
cli-lab-command = 在實驗網路裡執行的程式及其參數（寫在 `--` 之後），例如 `-- sh -c 'python3 server.py & sleep 0.5; python3 client.py'`。它結束時實驗網路結束，它留下的程式也一併結束

## 視窗的私有實驗網路（Linux）
origin-lab = 私有實驗網路 { $name }
menu-private-lab = 私有實驗網路（不需要 root）
menu-private-lab-tip = 一個只屬於它自己的網路，只有它自己的迴路介面：在其中執行的程式不需要任何權限就能被擷取，並隨它一起結束。
lab-panel-title = 私有實驗網路
lab-panel-name = 實驗網路：{ $name }
lab-panel-about = 其中的程式只看得到實驗網路自己的迴路介面（127.0.0.1、::1），除此之外沒有任何網路。它們送出的一切都會即時顯示，不需要 root。關閉實驗網路（或視窗）會結束其中的所有程式。
lab-open-terminal = 在實驗網路中開啟終端機
lab-open-terminal-tip = 一個在本實驗網路中執行程式的 shell：在那裡啟動你的伺服器和用戶端。
lab-join-elsewhere = 或者在你自己的任何終端機裡輸入：
lab-copy = 複製
lab-run-program = 在實驗網路中執行程式：
lab-run = 執行
lab-run-folder = 它在 { $folder } 中啟動
lab-run-demo = 內建示範：
lab-processes = 實驗網路中的程式：{ $n } 個
lab-no-processes = 目前沒有
lab-started-here = 從本視窗啟動的：
lab-running = 執行中
lab-exited = 已結束，狀態 { $code }
lab-end = 結束實驗網路
lab-end-tip = 停止擷取並結束實驗網路中的所有程式；已擷取的封包保留。
lab-no-terminal = 無法開啟終端機程式（{ $reason }）。請在你自己的終端機裡輸入：{ $command }
cli-lab = 啟動一個私有實驗網路（Linux，不需要 root）並即時顯示它的迴路介面；與 `--demo` 一起使用時，示範在其中執行
cli-demo-no_capture = 只執行示範的伺服器和用戶端，不擷取封包（用別的方式擷取，或在私有實驗網路裡：`layerscope lab -- layerscope demo tcp-echo --no-capture`）
list-waiting-lab = 正在等待封包……在實驗網路中執行一個程式（右側面板）：它在實驗網路迴路介面上送出的一切都會顯示在這裡。
