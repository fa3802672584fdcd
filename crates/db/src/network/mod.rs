//! The network around her (issue 15): the social map of partners so far;
//! referrals, signals, meetings and the learning log are to follow. The
//! rules are in `domain::network`.

pub mod partners;
