//! What the capture helper tells the program that started it.
//!
//! Started by [`super::helper::Helper`], the helper writes each report as one JSON line on
//! its standard error, and the parent reads the reports, never the helper's sentences: a
//! sentence may be reworded or translated without breaking the window, `capture` or
//! `demo`. Run by hand, the helper writes [`Report::describe`]'s sentence instead.

use serde::{Deserialize, Serialize};

use super::live::CaptureStats;

/// One thing the helper says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Report {
    /// The interface is open with its filter set: packets from now on are captured.
    Capturing { interface: String, filter: String },
    /// The capture ended; its counters.
    Finished {
        captured: u64,
        /// Dropped because the helper read too slowly (the kernel's buffer was full).
        dropped_by_kernel: u32,
        /// Dropped by the interface or its driver.
        dropped_by_interface: u32,
    },
    /// Why the helper cannot capture (libpcap's words, with the permission fix where that
    /// is the cause), or why it stopped.
    Failed { message: String },
}

impl Report {
    /// The report as the line the helper writes for its parent.
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("a report serialises")
    }

    /// A line of the helper's standard error as a report. A line that is not one (a
    /// message from a library, a crash) is kept as a failure's words, so that nothing the
    /// helper says is lost.
    pub fn from_line(line: &str) -> Report {
        serde_json::from_str(line).unwrap_or_else(|_| Report::Failed {
            message: line.to_string(),
        })
    }

    /// The sentence for a person.
    pub fn describe(&self) -> String {
        match self {
            Report::Capturing { interface, filter } if filter.is_empty() => {
                format!("Capturing on {interface} (Ctrl-C to stop)")
            }
            Report::Capturing { interface, filter } => {
                format!("Capturing on {interface} with filter \"{filter}\" (Ctrl-C to stop)")
            }
            Report::Finished {
                captured,
                dropped_by_kernel,
                dropped_by_interface,
            } => format!(
                "{captured} packets captured, {dropped_by_kernel} dropped by the kernel \
                 (reader too slow), {dropped_by_interface} dropped by the interface"
            ),
            Report::Failed { message } => message.clone(),
        }
    }

    /// The counters of a [`Report::Finished`].
    pub fn stats(&self) -> Option<CaptureStats> {
        match self {
            Report::Finished {
                dropped_by_kernel,
                dropped_by_interface,
                ..
            } => Some(CaptureStats {
                dropped: *dropped_by_kernel,
                if_dropped: *dropped_by_interface,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_survive_their_line() {
        for r in [
            Report::Capturing {
                interface: "lo".into(),
                filter: "tcp port 8888 and \"x\"\n".into(),
            },
            Report::Finished {
                captured: 12,
                dropped_by_kernel: 1,
                dropped_by_interface: 2,
            },
            Report::Failed {
                message: "lo: You don't have permission\nfix: …".into(),
            },
        ] {
            let line = r.to_line();
            assert!(!line.contains('\n'), "one line: {line}");
            assert_eq!(Report::from_line(&line), r);
        }
    }

    #[test]
    fn a_line_that_is_no_report_is_kept_as_words() {
        assert_eq!(
            Report::from_line("thread 'main' panicked"),
            Report::Failed {
                message: "thread 'main' panicked".into()
            }
        );
    }
}
