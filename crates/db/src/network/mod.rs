//! The network around her (issue 15): the social map of partners,
//! referrals with the sharing of her data under consent, signals of
//! structural obstacles, meetings with their decisions and reviews, the
//! learning log, and aftercare chats. The rules are in `domain::network`.

pub mod aftercare;
pub mod learning;
pub mod meetings;
pub mod partners;
pub mod referrals;
pub mod signals;
