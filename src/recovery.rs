//! Safety copies of live captures. While the window captures, every packet is also written
//! (and flushed) to a pcapng "spool" file here; the file goes away when the capture is
//! closed normally. One left behind means the window crashed or was killed: the next start
//! offers to open it. Nothing captured is lost.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// `$XDG_DATA_HOME/layerscope/unsaved`, else `~/.local/share/layerscope/unsaved`.
pub fn default_dir() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("layerscope").join("unsaved")
}

/// A new spool file name for a capture starting now in this process.
pub fn new_spool(dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut n = 0;
    loop {
        let p = dir.join(format!("capture-{secs}-{}-{n}.pcapng", std::process::id()));
        if !p.exists() {
            return Ok(p);
        }
        n += 1;
    }
}

/// A spool file whose process is gone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leftover {
    pub path: PathBuf,
    pub modified: SystemTime,
    pub size: u64,
}

/// The writer's process id, from `capture-SECS-PID-N.pcapng`.
fn owner(name: &str) -> Option<u32> {
    name.strip_prefix("capture-")?
        .split('-')
        .nth(1)?
        .parse()
        .ok()
}

/// Spool files left by processes that no longer run, newest first.
pub fn leftovers(dir: &Path) -> Vec<Leftover> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Leftover> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid = owner(&name)?;
            if !name.ends_with(".pcapng") || Path::new(&format!("/proc/{pid}")).exists() {
                return None;
            }
            let meta = e.metadata().ok()?;
            Some(Leftover {
                path: e.path(),
                modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                size: meta.len(),
            })
        })
        .collect();
    out.sort_by_key(|l| std::cmp::Reverse(l.modified));
    out
}

/// Takes a leftover out of the offer: renamed to `recovered-…`, which is returned.
pub fn claim(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let to = path.with_file_name(format!("recovered-{name}"));
    std::fs::rename(path, &to)?;
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_of_dead_processes_are_offered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mine = new_spool(dir.path()).expect("spool");
        std::fs::write(&mine, b"x").expect("write");
        // A pid that cannot exist (above the kernel's maximum).
        let dead = dir.path().join("capture-1700000000-999999999-0.pcapng");
        std::fs::write(&dead, b"y").expect("write");
        std::fs::write(dir.path().join("notes.txt"), b"z").expect("write");
        let offered = leftovers(dir.path());
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].path, dead);
        let claimed = claim(&dead).expect("claim");
        assert!(claimed.exists());
        assert!(leftovers(dir.path()).is_empty());
    }
}
