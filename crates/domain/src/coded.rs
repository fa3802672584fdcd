//! Coded values: enums stored and exchanged as stable lowercase codes.
//! One macro so that every coded value parses, prints and lists itself the same way.

/// The error for a code that is not one of a coded value's variants.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code: {code:?}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

/// Declares an enum whose variants map one-to-one to stable string codes.
#[macro_export]
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident : $kind:literal { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::coded::UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::coded::UnknownCode { kind: $kind, code: s.to_owned() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
