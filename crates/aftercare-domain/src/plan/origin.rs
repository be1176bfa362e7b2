//! Where an entry of the plan comes from: the screens say it beside every entry, so the
//! patient (and their dermatologist) can tell what the seed says from what a named source
//! states, from what we chose, and from what their clinic said.

use serde::{Deserialize, Serialize};

/// The origin of an entry and of every number in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A seed tip (1–10) gives this entry and its numbers.
    Tip(u8),
    /// The entry follows a tip, and its numbers are stated by a named source: `source` is
    /// the id of an entry in the plan's `sources`, whose claim says them.
    Source { tip: u8, source: String },
    /// The entry follows a tip, but a number in it is ours: `why` says why we chose it,
    /// `range` what sources and clinics give instead, `sources` the ids of those sources.
    /// `range` and `sources` may be missing from an old file.
    Default {
        tip: u8,
        why: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        range: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<String>,
    },
    /// The patient's dermatologist (an entry they added, or numbers they changed).
    Dermatologist,
}

impl Origin {
    /// Our default, with why we chose it and no range or sources (an old file's form).
    pub fn default_because(tip: u8, why: impl Into<String>) -> Origin {
        Origin::Default {
            tip,
            why: why.into(),
            range: String::new(),
            sources: Vec::new(),
        }
    }

    /// The seed tip the entry follows, if any.
    pub fn tip(&self) -> Option<u8> {
        match self {
            Origin::Tip(tip) | Origin::Source { tip, .. } | Origin::Default { tip, .. } => {
                Some(*tip)
            }
            Origin::Dermatologist => None,
        }
    }

    /// True where a number is our cautious choice rather than the tip's or a source's.
    pub fn is_default(&self) -> bool {
        matches!(self, Origin::Default { .. })
    }

    /// The ids of the sources this origin cites, in order.
    pub fn source_ids(&self) -> Vec<&str> {
        match self {
            Origin::Source { source, .. } => vec![source.as_str()],
            Origin::Default { sources, .. } => sources.iter().map(String::as_str).collect(),
            Origin::Tip(_) | Origin::Dermatologist => Vec::new(),
        }
    }

    /// "tip 5", "tip 10, source chu-2021", "our default (tip 3): … (range: …)", "your
    /// dermatologist": one line for any screen.
    pub fn describe(&self) -> String {
        match self {
            Origin::Tip(tip) => format!("tip {tip}"),
            Origin::Source { tip, source } => format!("tip {tip}, source {source}"),
            Origin::Default {
                tip, why, range, ..
            } => {
                let mut text = format!("our default (tip {tip})");
                if !why.is_empty() {
                    text.push_str(&format!(": {why}"));
                }
                if !range.is_empty() {
                    text.push_str(&format!(" (range: {range})"));
                }
                text
            }
            Origin::Dermatologist => "your dermatologist".to_string(),
        }
    }

    /// "tip 5", "tip 10, chu-2021", "tip 3, our default", "your dermatologist": short, for
    /// lists.
    pub fn short(&self) -> String {
        match self {
            Origin::Tip(tip) => format!("tip {tip}"),
            Origin::Source { tip, source } => format!("tip {tip}, {source}"),
            Origin::Default { tip, .. } => format!("tip {tip}, our default"),
            Origin::Dermatologist => "your dermatologist".to_string(),
        }
    }

    /// The kind of origin as scripts read it: "tip", "source", "default", "dermatologist".
    pub fn kind(&self) -> &'static str {
        match self {
            Origin::Tip(_) => "tip",
            Origin::Source { .. } => "source",
            Origin::Default { .. } => "default",
            Origin::Dermatologist => "dermatologist",
        }
    }
}
