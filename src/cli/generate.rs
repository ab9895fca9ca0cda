//! `layerscope __generate DIR`: the manual pages and shell completions an installation
//! ships, made from the same command-line definition that parses the arguments (so they
//! cannot drift from it). The Debian package is built with them (`scripts/build-deb.sh`).

use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// Writes into `dir`: `layerscope.1` and one `layerscope-COMMAND.1` per visible command
/// (in English, the manual's language), and `layerscope.bash`, `_layerscope` (zsh) and
/// `layerscope.fish`.
pub fn run(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let cmd = Cli::command().name("layerscope").bin_name("layerscope");
    write_page(dir, "layerscope", cmd.clone())?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("layerscope-{}", sub.get_name());
        write_page(dir, &name, sub.clone().name(&name))?;
    }
    for (shell, file) in [
        (Shell::Bash, "layerscope.bash"),
        (Shell::Zsh, "_layerscope"),
        (Shell::Fish, "layerscope.fish"),
    ] {
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "layerscope", &mut out);
        let path = dir.join(file);
        std::fs::write(&path, out).with_context(|| path.display().to_string())?;
    }
    Ok(())
}

/// One manual page, section 1.
fn write_page(dir: &Path, name: &str, cmd: clap::Command) -> anyhow::Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, out).with_context(|| path.display().to_string())
}
