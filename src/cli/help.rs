//! `--help` in the learner's language, as far as clap allows.
//!
//! The English help is the doc comments clap derives it from. In another language each
//! command's `about` and each argument's help is replaced by the message
//! `cli-<command path>-<argument id>` (`cli-dissect-json`, `cli-echo-server-listen`; the
//! top level has no path: `cli-about`, `cli-interface`); the headings and the `--help` and
//! `--version` flags are redrawn from messages too. clap's own error messages stay
//! English: clap has no way to translate them.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};

use crate::i18n::{self, Lang};

/// Takes `--lang X` / `--lang=X` out of the arguments, wherever it stands (before the
/// subcommand, after it, or in the window's arguments), and says which language it names.
///
/// clap declares the flag (so `--help` lists it) but never sees it: a top-level argument
/// would conflict with every subcommand, and the language must be known before clap builds
/// the help anyway. A value naming no language is an error.
pub fn take_lang(args: Vec<OsString>) -> Result<(Option<Lang>, Vec<OsString>), String> {
    let mut lang = None;
    let mut rest = Vec::with_capacity(args.len());
    let mut it = args.into_iter();
    let mut after_dashes = false;
    while let Some(arg) = it.next() {
        let text = arg.to_string_lossy().into_owned();
        if after_dashes {
            rest.push(arg);
            continue;
        }
        let value = if text == "--" {
            after_dashes = true;
            rest.push(arg);
            continue;
        } else if text == "--lang" {
            Some(
                it.next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            )
        } else {
            text.strip_prefix("--lang=").map(str::to_string)
        };
        match value {
            Some(v) => {
                lang = Some(Lang::parse(&v).ok_or_else(|| {
                    format!("--lang \"{v}\" is not a language layerscope speaks: use en, zh-CN or zh-TW")
                })?);
            }
            None => rest.push(arg),
        }
    }
    Ok((lang, rest))
}

/// The message path of a command: `""` for the top level, `"echo-server"` below.
fn key(path: &str, item: &str) -> String {
    if path.is_empty() {
        format!("cli-{item}")
    } else {
        format!("cli-{path}-{item}")
    }
}

/// The message path of subcommand `name` under `path`.
fn sub_path(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}-{name}")
    }
}

/// The command tree with its help in the current language.
pub fn localize(cmd: Command) -> Command {
    if i18n::current() == Lang::En {
        return cmd;
    }
    localize_at(cmd, "")
}

fn localize_at(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = i18n::text_if_any(&key(path, "about")) {
        cmd = cmd.about(about);
    }
    cmd = cmd
        .help_template(t!("cli-help-template"))
        .subcommand_help_heading(t!("cli-heading-commands"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help_heading(t!("cli-heading-options"))
                .help(t!("cli-flag-help")),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading(t!("cli-heading-options"))
                .help(t!("cli-flag-version")),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = i18n::text_if_any(&key(path, &id));
        cmd = cmd.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                t!("cli-heading-arguments")
            } else {
                t!("cli-heading-options")
            };
            let arg = arg.help_heading(heading);
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = sub_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |sub| localize_at(sub, &sub_path));
    }
    cmd
}

/// Every message id the command tree asks for in a language other than English: each
/// command's about and each argument with help of its own (for the test that keeps the
/// translations complete).
pub fn wanted_keys(cmd: &Command) -> Vec<String> {
    let mut keys = Vec::new();
    collect(cmd, "", &mut keys);
    keys
}

fn collect(cmd: &Command, path: &str, keys: &mut Vec<String>) {
    if cmd.get_about().is_some() {
        keys.push(key(path, "about"));
    }
    for arg in cmd.get_arguments() {
        if arg.get_help().is_some() && !matches!(arg.get_id().as_str(), "help" | "version") {
            keys.push(key(path, arg.get_id().as_str()));
        }
    }
    // A hidden command (`__lab`, which only `layerscope lab` runs) has no help to show.
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, &sub_path(path, sub.get_name()), keys);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests fail loudly by design
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_help_text_is_translated() {
        let wanted = wanted_keys(&crate::cli::Cli::command());
        assert!(wanted.len() > 40, "{wanted:?}");
        for lang in [Lang::ZhCn, Lang::ZhTw] {
            let have = i18n::builtin_keys(lang);
            let missing: Vec<&String> = wanted.iter().filter(|k| !have.contains(k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        }
    }

    #[test]
    fn lang_is_taken_wherever_it_stands() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let (lang, rest) =
            take_lang(args(&["layerscope", "--lang", "zh-TW", "draw", "f"])).unwrap();
        assert_eq!(lang, Some(Lang::ZhTw));
        assert_eq!(rest, args(&["layerscope", "draw", "f"]));
        let (lang, rest) = take_lang(args(&["layerscope", "flow", "f", "--lang=zh_CN"])).unwrap();
        assert_eq!(lang, Some(Lang::ZhCn));
        assert_eq!(rest, args(&["layerscope", "flow", "f"]));
        let (lang, rest) =
            take_lang(args(&["layerscope", "echo", "client", "--", "--lang"])).unwrap();
        assert_eq!(lang, None);
        assert_eq!(rest.len(), 5);
        assert!(take_lang(args(&["layerscope", "--lang", "fr"])).is_err());
    }
}
