//! Messages in a banner under the toolbar: the result of the last action, or why it failed.

/// A message in a banner under the toolbar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        let text = text.into();
        Notice { error: true, text }
    }

    pub fn info(text: impl Into<String>) -> Notice {
        let text = text.into();
        Notice { error: false, text }
    }
}
