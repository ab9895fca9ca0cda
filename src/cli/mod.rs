//! The command line: `dissect`, `flow`, `capture`, `interfaces`, `echo`.

pub mod capture_cmd;
pub mod demo_cmd;
pub mod dissect_cmd;
pub mod flow;
pub mod follow;
pub mod generate;
pub mod help;
pub mod json;
pub mod lab_cmd;
mod out;
pub mod text;

use std::io::{BufWriter, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::i18n::{self, Lang};

use crate::echo::{self, Mode, Proto};

/// A line for the user on standard error, with anything in it that a terminal would act
/// on (a file name, a libpcap message quoting packet or file bytes) made visible.
pub fn say(text: &str) {
    eprintln!("{}", layerscope_wire::escape::message(text));
}

#[derive(Parser, Debug)]
#[command(
    name = "layerscope",
    version,
    about = "See what really happens on the wire when two programs talk over sockets"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub window: WindowArgs,
    /// Language of the window and of the human text: en, zh-CN or zh-TW (default: the
    /// locale's).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::parse(value).ok_or_else(|| format!("\"{value}\" is not one of en, zh-CN, zh-TW"))
}

impl Cli {
    /// Parses the process's arguments with `--help` in the language they ask for, after
    /// making that language the one all text is made in.
    pub fn parse_localized() -> Cli {
        let (lang, args) = match help::take_lang(std::env::args_os().collect()) {
            Ok(split) => split,
            Err(e) => {
                say(&format!("layerscope: {e}"));
                std::process::exit(2);
            }
        };
        i18n::set(lang.unwrap_or_else(i18n::detect::from_environment));
        for warning in i18n::load_warnings() {
            say(&warning);
        }
        let matches = help::localize(Cli::command()).get_matches_from(args);
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        cli.lang = lang;
        cli
    }
}

/// Without a subcommand, layerscope opens its window; these say what it shows first.
#[derive(clap::Args, Debug, Default)]
pub struct WindowArgs {
    /// Capture file to open (pcap or pcapng); the bundled echo capture when none is given.
    pub file: Option<PathBuf>,
    /// Capture file to open; `-` reads a pcap stream from standard input
    /// (`tcpdump -U -w - port 8888 | layerscope -r -`).
    #[arg(short = 'r', long = "read", conflicts_with_all = ["file", "interface"])]
    pub read: Option<PathBuf>,
    /// Start capturing on this interface at once (e.g. `lo`).
    #[arg(short = 'i', long = "interface", conflicts_with = "file")]
    pub interface: Option<String>,
    /// BPF capture filter for `-i`, e.g. "tcp port 8888".
    #[arg(short = 'f', long = "filter", requires = "interface")]
    pub capture_filter: Option<String>,
    /// Display filter to apply, in Wireshark syntax (e.g. "tcp.flags.syn == 1").
    #[arg(short = 'Y', long = "display-filter")]
    pub display_filter: Option<String>,
    /// Frame number to select once it is loaded.
    #[arg(long)]
    pub select: Option<u32>,
    /// Colour theme.
    #[arg(long, value_enum)]
    pub theme: Option<Theme>,
    /// The view to start in.
    #[arg(long, value_enum)]
    pub view: Option<View>,
    /// Replay the capture as if live once it is loaded (one packet a second).
    #[arg(long, conflicts_with = "interface")]
    pub replay: bool,
    /// Run a built-in demo at once (captures on loopback through the capture helper).
    #[arg(long, value_enum, conflicts_with_all = ["interface", "file", "read"])]
    pub demo: Option<crate::demo::Scenario>,
    /// Start a private lab (Linux, no root needed) and show its loopback live; with
    /// `--demo`, the demo runs in it.
    #[arg(long, conflicts_with_all = ["interface", "file", "read", "replay"])]
    pub lab: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    Packets,
    Ladder,
    Encapsulation,
    Headers,
    /// Follow a stream: the conversation as the two programs saw it.
    Follow,
    /// Follow a stream: its messages against its segments (sticky packets).
    Messages,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DrawView {
    /// Every encapsulation and decapsulation step, one under the other.
    Encapsulation,
    /// RFC-style diagrams of every header.
    Header,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Theme {
    Light,
    Dark,
    System,
}

#[cfg(feature = "gui")]
impl WindowArgs {
    pub fn into_start(self, lang: Option<Lang>) -> anyhow::Result<crate::gui::Start> {
        if let Some(f) = &self.display_filter {
            parse_display_filter(f)?;
        }
        let live = self.interface.map(|interface| crate::capture::LiveOptions {
            interface,
            filter: self.capture_filter.unwrap_or_default(),
            ..Default::default()
        });
        Ok(crate::gui::Start {
            open: self.read.or(self.file),
            live,
            display_filter: self.display_filter,
            select: self.select,
            replay: self.replay,
            demo: self.demo,
            lab: self.lab,
            lang,
            recovery_dir: None,
            follow_messages: self.view == Some(View::Messages),
            view: self.view.map(|v| match v {
                View::Packets => crate::gui::app::MainView::Packets,
                View::Ladder => crate::gui::app::MainView::Ladder,
                View::Encapsulation => crate::gui::app::MainView::Encapsulation,
                View::Headers => crate::gui::app::MainView::Headers,
                View::Follow | View::Messages => crate::gui::app::MainView::Follow,
            }),
            theme: self.theme.map(|t| match t {
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
                Theme::System => egui::ThemePreference::System,
            }),
        })
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Dissect a capture file layer by layer (text like `tshark -V`, or JSON).
    Dissect {
        /// pcap or pcapng file; `-` reads a pcap stream from standard input.
        file: PathBuf,
        /// JSON array, one object per packet, keyed by Wireshark field names.
        #[arg(long)]
        json: bool,
        /// One summary line per packet instead of the full layer breakdown.
        #[arg(long, conflicts_with = "json")]
        summary: bool,
        /// Stop after this many packets.
        #[arg(short = 'c', long = "count")]
        count: Option<usize>,
        /// Only the packets that match this display filter (Wireshark's syntax, as tshark -Y).
        #[arg(short = 'Y', long = "display-filter", value_name = "FILTER")]
        display_filter: Option<String>,
    },
    /// Draw each TCP stream (and UDP conversation) as a ladder diagram with endpoint states.
    Flow {
        /// Capture file (pcap or pcapng).
        file: PathBuf,
        /// Only this tcp.stream.
        #[arg(long)]
        stream: Option<u32>,
        /// Only the streams with a packet that matches this display filter.
        #[arg(short = 'Y', long = "display-filter", value_name = "FILTER")]
        display_filter: Option<String>,
        /// Also draw the ladder as an SVG file (for slides; opens in any browser).
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        /// Also draw the ladder as a PNG file.
        #[arg(long, value_name = "FILE")]
        png: Option<PathBuf>,
        /// Raw sequence and acknowledgment numbers in the drawing instead of relative ones.
        #[arg(long)]
        raw: bool,
        /// Colours of the drawing.
        #[arg(long, value_enum, default_value = "light")]
        theme: Theme,
    },
    /// Follow a TCP stream or UDP conversation: each side's bytes in order, as text, as
    /// tshark's raw hex, or saved to a file.
    Follow(follow::FollowArgs),
    /// A private lab network, no root needed (Linux): run a program in a fresh network
    /// namespace whose loopback only it uses, record that loopback, print the ladder.
    Lab(lab_cmd::LabArgs),
    /// Creates the lab for `layerscope lab` (a single-threaded re-run of this binary).
    #[command(name = "__lab", hide = true)]
    LabInside {
        #[command(subcommand)]
        what: lab_cmd::InsideCommand,
    },
    /// Writes the manual pages and shell completions into a folder (for packaging).
    #[command(name = "__generate", hide = true)]
    Generate {
        /// The folder to write into.
        dir: PathBuf,
    },
    /// Draw one packet's header diagram or encapsulation steps as SVG or PNG (by extension).
    Draw {
        /// Capture file (pcap or pcapng).
        file: PathBuf,
        /// What to draw.
        #[arg(long, value_enum, default_value = "encapsulation")]
        view: DrawView,
        /// Frame number (1-based).
        #[arg(long, default_value_t = 1)]
        frame: u32,
        /// Output file: `.svg` or `.png`.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Colours of the drawing.
        #[arg(long, value_enum, default_value = "light")]
        theme: Theme,
    },
    /// Capture live with libpcap (needs CAP_NET_RAW).
    Capture(capture_cmd::CaptureArgs),
    /// Record a built-in demo: capture on loopback while our server and client talk.
    Demo(demo_cmd::DemoArgs),
    /// List network interfaces with their addresses and flags.
    Interfaces,
    /// The echo demo's server and client.
    Echo {
        #[command(subcommand)]
        role: EchoRole,
    },
}

#[derive(Subcommand, Debug)]
pub enum EchoRole {
    /// Run an echo (or uppercase) server.
    Server {
        /// Transport protocol.
        #[arg(long, value_enum, default_value = "tcp")]
        proto: Proto,
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8888")]
        listen: SocketAddr,
        /// `echo` sends each message back as it came; `upper` sends it back in capitals.
        #[arg(long, value_enum, default_value = "echo")]
        mode: Mode,
        /// Exit after serving this many clients (TCP) or datagrams (UDP).
        #[arg(long)]
        max_sessions: Option<usize>,
        /// Most clients connected at once.
        #[arg(long, default_value_t = 64)]
        max_clients: usize,
        /// Seconds of silence after which a client is dropped.
        #[arg(long, default_value_t = 60)]
        idle_timeout: u64,
    },
    /// Connect, send messages, print the replies.
    Client {
        /// Transport protocol.
        #[arg(long, value_enum, default_value = "tcp")]
        proto: Proto,
        /// The server's address and port.
        #[arg(long, default_value = "127.0.0.1:8888")]
        connect: SocketAddr,
        /// A message to send (give the flag again for more).
        #[arg(long, default_value = "Hello, server!")]
        message: Vec<String>,
        /// Send the message this many times.
        #[arg(long, default_value_t = 1)]
        count: usize,
        /// Also send each line typed on standard input.
        #[arg(long)]
        interactive: bool,
        /// Seconds to wait for a reply.
        #[arg(long, default_value_t = 5)]
        timeout: u64,
    },
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        #[cfg(feature = "gui")]
        None => crate::gui::run(cli.window.into_start(cli.lang)?),
        #[cfg(not(feature = "gui"))]
        None => {
            anyhow::bail!("this layerscope was built without its window; run `layerscope --help`")
        }
        Some(Command::Dissect {
            file,
            json,
            summary,
            count,
            display_filter,
        }) => {
            let filter = display_filter
                .as_deref()
                .map(parse_display_filter)
                .transpose()?;
            let format = match (json, summary) {
                (true, _) => dissect_cmd::Format::Json,
                (_, true) => dissect_cmd::Format::Summary,
                _ => dissect_cmd::Format::Text,
            };
            dissect_cmd::run(&file, format, count, filter.as_ref())
        }
        Some(Command::Flow {
            file,
            stream,
            display_filter,
            svg,
            png,
            raw,
            theme,
        }) => {
            let filter = display_filter
                .as_deref()
                .map(parse_display_filter)
                .transpose()?;
            let cap = flow::Flows::read(&file, filter.as_ref())?;
            let out = std::io::stdout();
            let mut out = BufWriter::new(out.lock());
            flow::write_flows(&mut out, &cap, stream)?;
            out.flush()?;
            if svg.is_some() || png.is_some() {
                if file == Path::new("-") {
                    anyhow::bail!(
                        "drawing needs a capture file that can be read twice, not a stream"
                    );
                }
                let drawing = flow::draw(&file, &cap, stream, raw, theme == Theme::Dark)?;
                for path in [svg, png].into_iter().flatten() {
                    crate::diagram::export::save(&drawing, &path)?;
                    say(&t!("say-wrote", path = path.display().to_string()));
                }
            }
            if let Some(w) = &cap.warning {
                say(&t!("say-warning", text = w.as_str()));
            }
            Ok(())
        }
        Some(Command::Draw {
            file,
            view,
            frame,
            output,
            theme,
        }) => draw_packet(&file, view, frame, &output, theme == Theme::Dark),
        Some(Command::Follow(args)) => follow::run(args),
        Some(Command::Lab(args)) => lab_cmd::run(args),
        Some(Command::LabInside { what }) => lab_cmd::run_inside(what),
        Some(Command::Generate { dir }) => generate::run(&dir),
        Some(Command::Capture(args)) => capture_cmd::run(args),
        Some(Command::Demo(args)) => demo_cmd::run(args),
        Some(Command::Interfaces) => {
            print!(
                "{}",
                crate::capture::interfaces::render(&crate::capture::interfaces::list())
            );
            Ok(())
        }
        Some(Command::Echo { role }) => run_echo(role),
    }
}

fn draw_packet(
    file: &Path,
    view: DrawView,
    frame: u32,
    output: &Path,
    dark: bool,
) -> anyhow::Result<()> {
    let p = crate::packets::nth(file, frame.max(1))?;
    let p = &p;
    let palette = crate::diagram::Palette::new(dark);
    let drawing = match view {
        DrawView::Encapsulation => {
            let steps = crate::diagram::encapsulation::steps(&p.dissection, &p.raw.data);
            crate::diagram::encapsulation::draw_all(&steps, palette)
        }
        DrawView::Header => {
            crate::diagram::header::draw(&p.dissection, &p.raw.data, palette, None, None)
        }
    };
    crate::diagram::export::save(&drawing, output)?;
    say(&t!("say-wrote", path = output.display().to_string()));
    Ok(())
}

fn run_echo(role: EchoRole) -> anyhow::Result<()> {
    match role {
        EchoRole::Server {
            proto,
            listen,
            mode,
            max_sessions,
            max_clients,
            idle_timeout,
        } => {
            let server = echo::Server::start(echo::ServerOptions {
                proto,
                listen,
                mode,
                max_clients,
                idle_timeout: Duration::from_secs(idle_timeout),
                max_sessions,
                ..Default::default()
            })?;
            server.wait();
            Ok(())
        }
        EchoRole::Client {
            proto,
            connect,
            message,
            count,
            interactive,
            timeout,
        } => {
            let messages: Vec<String> = (0..count).flat_map(|_| message.iter().cloned()).collect();
            let opts = echo::ClientOptions {
                proto,
                connect,
                messages: if interactive && count == 1 && message == ["Hello, server!"] {
                    vec![]
                } else {
                    messages
                },
                interactive,
                timeout: Duration::from_secs(timeout),
            };
            echo::run_client(&opts, &mut std::io::stdout())?;
            Ok(())
        }
    }
}

/// A display filter from the command line, or an error that quotes it.
pub fn parse_display_filter(text: &str) -> anyhow::Result<layerscope_wire::Filter> {
    layerscope_wire::Filter::parse(text)
        .map_err(|e| anyhow::anyhow!("invalid display filter \"{text}\": {e}"))
}
