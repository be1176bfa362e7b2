//! The built-in plan for this crate's own unit tests. The domain reads neither files nor
//! RON (the journal crate owns the format and the plan compiled into the binary); its tests
//! read the same asset with `ron`, a dev-dependency, with the options the journal uses.

use super::CarePlan;

impl CarePlan {
    pub fn builtin() -> CarePlan {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<CarePlan>(include_str!("../../../../assets/care-plan.ron"))
            .expect("the built-in plan parses")
            .as_builtin()
    }
}
