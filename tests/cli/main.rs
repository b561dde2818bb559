//! Integration tests: the real binary in hermetic temp environments.

mod apply;
mod audit;
mod common;
mod doctor;
mod flowise;
mod generated;
mod hardening;
mod help;
mod init;
mod json;
mod keys;
mod langflow;
mod librechat;
mod pinned;
mod postgres;
mod readme;
mod rescue;
mod superuser;
mod token;
mod trust;
mod user;
