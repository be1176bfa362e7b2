//! The publications the plan cites, as data: each says the one thing we credit it for, so
//! a number shown beside a source is one the source states (a test reads them all).

use serde::{Deserialize, Serialize};

/// One publication (or manual) the plan cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable name an origin cites: "chu-2021".
    pub id: String,
    /// Authors, year, venue: "Chu, Foulad, Mesinkovska 2021, Dermatol Surg 47:1249–54".
    pub citation: String,
    /// Where to read it: a DOI ("doi:10.1001/…") or a URL; empty when neither is public.
    #[serde(default)]
    pub link: String,
    /// The one-line claim we credit it for, in its own terms and numbers.
    pub claim: String,
}
