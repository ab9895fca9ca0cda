//! Safety copies of live captures. While the window captures, every packet is also written
//! (and flushed) to a pcapng "spool" file here; the file goes away when the capture is
//! closed normally. One left behind means the window crashed or was killed: the next start
//! offers to open it. Nothing captured is lost.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// `$XDG_DATA_HOME/layerscope/unsaved`, else `~/.local/share/layerscope/unsaved`; `None`
/// without a usable home (no `HOME`, or a relative one). Never a shared directory such as
/// `/tmp`: another user could read the copy there, or plant files in its place.
#[cfg(target_os = "linux")]
pub fn default_dir() -> Option<PathBuf> {
    dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// The user's own local application data: `%LOCALAPPDATA%\layerscope\unsaved` on
/// Windows, `~/Library/Application Support/layerscope/unsaved` on macOS.
#[cfg(not(target_os = "linux"))]
pub fn default_dir() -> Option<PathBuf> {
    Some(dirs::data_local_dir()?.join("layerscope").join("unsaved"))
}

/// [`default_dir`] from the values of `XDG_DATA_HOME` and `HOME`.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn dir_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |p: PathBuf| p.is_absolute().then_some(p);
    let base = xdg_data_home
        .map(PathBuf::from)
        .and_then(absolute)
        .or_else(|| {
            home.map(PathBuf::from)
                .and_then(absolute)
                .map(|h| h.join(".local/share"))
        })?;
    Some(base.join("layerscope").join("unsaved"))
}

/// Why a live capture has no safety copy when [`default_dir`] found no place for one.
pub const NO_SPOOL_DIR: &str = "no safety copy of this capture is kept: there is no home \
     directory to keep it in (HOME is not set). Save the capture before closing.";

/// Why a live capture has no safety copy: no place for one (`dir` is `None`), or no
/// writing in `dir`.
pub fn no_safety_copy(dir: Option<&Path>) -> String {
    match dir {
        None => NO_SPOOL_DIR.to_string(),
        Some(d) => format!(
            "no safety copy of this capture is kept: cannot write in {}. \
             Save the capture before closing.",
            d.display()
        ),
    }
}

/// Creates `dir` (and its parents) readable by its owner alone.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    {
        // An existing directory keeps its mode unless we own it and tighten it.
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(dir)?;
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// A new spool file name for a capture starting now in this process, in a directory
/// readable by its owner alone.
pub fn new_spool(dir: &Path) -> std::io::Result<PathBuf> {
    create_private_dir(dir)?;
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

    #[test]
    fn the_spool_lives_in_the_users_own_data_directory_or_nowhere() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(
            dir_from(os("/x/data"), os("/home/me")),
            Some(PathBuf::from("/x/data/layerscope/unsaved"))
        );
        assert_eq!(
            dir_from(None, os("/home/me")),
            Some(PathBuf::from("/home/me/.local/share/layerscope/unsaved"))
        );
        // Relative values are not a home; never a shared fallback such as /tmp.
        assert_eq!(
            dir_from(os("data"), os("/home/me")),
            Some(PathBuf::from("/home/me/.local/share/layerscope/unsaved"))
        );
        assert_eq!(dir_from(None, None), None);
        assert_eq!(dir_from(os(""), os("")), None);
    }

    #[test]
    fn spool_directories_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let spool_dir = dir.path().join("a/b/unsaved");
        let mode = || {
            let meta = std::fs::metadata(&spool_dir).expect("dir");
            meta.permissions().mode() & 0o777
        };
        new_spool(&spool_dir).expect("spool");
        assert_eq!(mode(), 0o700);
        // A directory left open by an earlier version is tightened.
        std::fs::set_permissions(&spool_dir, std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        new_spool(&spool_dir).expect("spool");
        assert_eq!(mode(), 0o700);
    }
}
