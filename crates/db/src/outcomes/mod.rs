//! Outcomes and surveys (issue 14): the organisation's own instruments,
//! versioned, beside traject's built-in ones.

pub mod instruments;
