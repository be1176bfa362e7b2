//! Maps that refuse a key written twice: `#[serde(deserialize_with = "unique_keys::map")]`.
//!
//! serde fills a map entry by entry and keeps the last value of a key given twice, so in a
//! hand-edited file the first would silently vanish at the next save. `serde_with`'s
//! `MapPreventDuplicates` refuses it too, but its error does not say which key; this one
//! names it, so that the file reader can point at the line and column where it is written.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, Visitor};

/// How the error goes on after the quoted key (`"water" is written twice…`): the file
/// reader recognises it by this and finds where the key is written.
pub const WRITTEN_TWICE: &str = " is written twice in the same list; keep one";

/// A map whose keys are all different, or an error naming the first key given twice.
pub fn map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueKeys(PhantomData))
}

struct UniqueKeys<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for UniqueKeys<K, V>
where
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = BTreeMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some((key, value)) = entries.next_entry::<K, V>()? {
            if map.contains_key(&key) {
                return Err(A::Error::custom(format!("\"{key}\"{WRITTEN_TWICE}")));
            }
            map.insert(key, value);
        }
        Ok(map)
    }
}
