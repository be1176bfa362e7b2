//! The identities of journal schema version 2: every tick is an event with an identity,
//! every edit of scores, a note or a treatment carries an edit stamp, and what is taken back
//! leaves a tombstone (see `DayEntry` in `model`). That is what lets two copies of a file
//! (two machines, a sync conflict copy) be merged exactly: a merge can tell "deleted here"
//! from "added there", two ticks in the same second are two ticks, and the same tick seen
//! from two machines is one.

use std::fmt;
use std::hash::{BuildHasher, Hasher};

use serde::{Deserialize, Serialize};

use crate::time::Stamp;

/// The identity of a tick, a note version, an edit or a treatment: 64 random bits, so two
/// machines never pick the same one (a clash needs billions of events).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct EventId(pub u64);

impl EventId {
    /// A fresh random identity. Seeded by the OS through std's `RandomState` (no extra
    /// dependency, no file to open) and mixed with the time and a counter, so two calls in
    /// one process never repeat. Never 0: 0 means "no identity yet" in version-1 files.
    pub fn random() -> EventId {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(nanos);
        hasher.write_u32(std::process::id());
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        EventId(hasher.finish().max(1))
    }

    /// An identity computed from content (FNV-1a, 64 bits), for the events of version-1
    /// files, which had none: two machines upgrading the same old file must give its ticks
    /// the same identities, or merging their copies would count every old tick twice.
    /// FNV is fixed by its definition, unlike std's hasher, so it never changes between
    /// builds. Never 0.
    pub fn derived(parts: &[&[u8]]) -> EventId {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for part in parts {
            for byte in part.iter().chain(&[0xff]) {
                hash ^= u64::from(*byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        EventId(hash.max(1))
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// When a value was set, and by which change: of two edits of one field the later wins
/// (the identity breaks a tie within one second, the same way on every machine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    pub at: Stamp,
    pub id: EventId,
}

impl Edit {
    /// A new edit at `now` that is later than `previous`, even if another machine's clock
    /// ran ahead and stamped the previous edit in our future: a patient's change must win
    /// over what was on screen when they made it.
    pub fn after(now: Stamp, previous: Option<Edit>) -> Edit {
        let mut at = now;
        if let Some(previous) = previous
            && previous.at.instant >= at.instant
        {
            at.instant = previous.at.instant + jiff::SignedDuration::from_secs(1);
        }
        Edit {
            at,
            id: EventId::random(),
        }
    }

    fn key(&self) -> (jiff::Timestamp, i32, EventId) {
        (self.at.instant, self.at.offset.seconds(), self.id)
    }
}

impl PartialOrd for Edit {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Edit {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// One tick of a plan item: when, and which tick it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tick {
    pub at: Stamp,
    pub id: EventId,
}

impl Tick {
    /// A new tick at `at` with a fresh identity.
    pub fn new(at: Stamp) -> Tick {
        Tick {
            at,
            id: EventId::random(),
        }
    }

    fn key(&self) -> (jiff::Timestamp, EventId, i32) {
        (self.at.instant, self.id, self.at.offset.seconds())
    }
}

impl PartialOrd for Tick {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Tick {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// One version of a day's note. Usually a day has one; after the note was edited on two
/// machines at once it has both, and both are shown until the patient edits it again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteVersion {
    pub edit: Edit,
    pub text: String,
}
