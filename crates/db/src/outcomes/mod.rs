//! Outcomes and surveys (issue 14): the organisation's own instruments,
//! versioned, beside traject's built-in ones; measurements at the moments a
//! programme plans; results per person and per programme.

pub mod fiction;
pub mod instruments;
pub mod kiosk;
pub mod measurements;
pub mod results;
pub mod testimonials;
