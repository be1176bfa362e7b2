//! Which procedure a treatment was: microneedling with PRP, radiofrequency microneedling
//! and at-home pens heal under different care, so the plan follows the procedure (see
//! `plan::variants`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A kind of microneedling session.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Procedure {
    /// Microneedling at a clinic: the built-in plan as it is.
    #[default]
    Standard,
    /// Microneedling with platelet-rich plasma.
    Prp,
    /// Radiofrequency microneedling (Morpheus8 and similar).
    Rf,
    /// An at-home pen or roller.
    AtHome,
    /// Scars or stretch marks on the body.
    Body,
}

impl Procedure {
    /// Every procedure, in the order forms cycle through them.
    pub const ALL: [Procedure; 5] = [
        Procedure::Standard,
        Procedure::Prp,
        Procedure::Rf,
        Procedure::AtHome,
        Procedure::Body,
    ];

    /// The name commands take and files hold: "standard", "prp", "rf", "at-home", "body".
    pub fn name(self) -> &'static str {
        match self {
            Procedure::Standard => "standard",
            Procedure::Prp => "prp",
            Procedure::Rf => "rf",
            Procedure::AtHome => "at-home",
            Procedure::Body => "body",
        }
    }

    /// What the patient reads on a screen.
    pub fn label(self) -> &'static str {
        match self {
            Procedure::Standard => "microneedling at a clinic",
            Procedure::Prp => "microneedling with PRP",
            Procedure::Rf => "RF microneedling (Morpheus8 and similar)",
            Procedure::AtHome => "at-home pen or roller",
            Procedure::Body => "scars or stretch marks on the body",
        }
    }

    pub fn is_standard(&self) -> bool {
        *self == Procedure::Standard
    }

    /// The next one, for a field that cycles.
    pub fn next(self) -> Procedure {
        let at = Procedure::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Procedure::ALL[(at + 1) % Procedure::ALL.len()]
    }
}

impl fmt::Display for Procedure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Procedure {
    type Err = String;

    fn from_str(text: &str) -> Result<Procedure, String> {
        let wanted = text.trim().to_ascii_lowercase();
        Procedure::ALL
            .into_iter()
            .find(|p| p.name() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Procedure::ALL.iter().map(|p| p.name()).collect();
                format!("no procedure {text:?}; one of: {}", names.join(", "))
            })
    }
}
