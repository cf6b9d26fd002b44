//! A spool: bytes appended now and copied out later, in order, held in
//! memory up to a limit and beyond it in an unnamed temporary file (gone
//! when the process ends, whatever ends it). A large audit's findings wait
//! here while its KPIs, which come first in the output, are still being
//! counted, so that memory stays bounded whatever the ledger's size.

use std::io::{self, Seek, SeekFrom, Write};

/// In memory up to this many bytes.
const IN_MEMORY: usize = 2 << 20;

pub struct Spool {
    memory: Vec<u8>,
    /// Everything past the first `IN_MEMORY` bytes, once there is any.
    file: Option<io::BufWriter<std::fs::File>>,
    limit: usize,
}

impl Default for Spool {
    fn default() -> Spool {
        Spool::with_limit(IN_MEMORY)
    }
}

impl Spool {
    /// A spool that keeps `limit` bytes in memory (tests use small ones).
    pub fn with_limit(limit: usize) -> Spool {
        Spool {
            memory: Vec::new(),
            file: None,
            limit,
        }
    }

    /// Appends `bytes`.
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.file.is_none() && self.memory.len() + bytes.len() <= self.limit {
            self.memory.extend_from_slice(bytes);
            return Ok(());
        }
        if self.file.is_none() {
            let f = tempfile::tempfile()?;
            self.file = Some(io::BufWriter::with_capacity(1 << 16, f));
        }
        match &mut self.file {
            Some(f) => f.write_all(bytes),
            None => Ok(()),
        }
    }

    /// Everything appended, in order, to be read back.
    pub fn into_reader(mut self) -> io::Result<impl io::Read> {
        let rest: Box<dyn io::Read> = match self.file.take() {
            Some(f) => {
                let mut f = f.into_inner().map_err(|e| e.into_error())?;
                f.seek(SeekFrom::Start(0))?;
                Box::new(io::BufReader::with_capacity(1 << 16, f))
            }
            None => Box::new(io::empty()),
        };
        Ok(io::Read::chain(io::Cursor::new(self.memory), rest))
    }

    /// Writes everything appended, in order, to `out`.
    pub fn copy_out(mut self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&self.memory)?;
        if let Some(f) = self.file.take() {
            let mut f = f.into_inner().map_err(|e| e.into_error())?;
            f.seek(SeekFrom::Start(0))?;
            io::copy(&mut f, out)?;
        }
        Ok(())
    }
}

/// Appends `n`, 8 bytes little-endian: a text's length, or how many
/// texts follow. Spooled records are made of these and [`put_text`].
pub fn put_count(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(&(n as u64).to_le_bytes());
}

/// Appends a text, its length first.
pub fn put_text(buf: &mut Vec<u8>, text: &str) {
    put_count(buf, text.len());
    buf.extend_from_slice(text.as_bytes());
}

/// The next count [`put_count`] wrote; `None` at the end of the spool.
pub fn read_count(r: &mut impl io::Read) -> io::Result<Option<usize>> {
    let mut n = [0u8; 8];
    match r.read_exact(&mut n) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
        Ok(()) => usize::try_from(u64::from_le_bytes(n))
            .map(Some)
            .map_err(io::Error::other),
    }
}

/// The next text [`put_text`] wrote (its end is an error here).
pub fn read_text(r: &mut impl io::Read) -> io::Result<String> {
    let len = read_count(r)?.ok_or(io::ErrorKind::UnexpectedEof)?;
    text_of_len(r, len)
}

/// A text of `len` bytes.
pub fn text_of_len(r: &mut impl io::Read, len: usize) -> io::Result<String> {
    let mut bytes = vec![0; len];
    r.read_exact(&mut bytes)?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_out_memory_then_file_in_order() {
        let mut s = Spool::with_limit(10);
        for part in [&b"alpha-"[..], b"beta-", b"gamma-", b"delta-"] {
            s.append(part).unwrap();
        }
        assert!(s.file.is_some(), "past the limit the bytes go to a file");
        let mut out = Vec::new();
        s.copy_out(&mut out).unwrap();
        assert_eq!(out, b"alpha-beta-gamma-delta-");
    }

    #[test]
    fn reads_back_memory_then_file_in_order() {
        for limit in [3, 10, 1000] {
            let mut s = Spool::with_limit(limit);
            for part in [&b"alpha-"[..], b"beta-", b"gamma"] {
                s.append(part).unwrap();
            }
            let mut back = String::new();
            io::Read::read_to_string(&mut s.into_reader().unwrap(), &mut back).unwrap();
            assert_eq!(back, "alpha-beta-gamma", "limit {limit}");
        }
    }

    #[test]
    fn texts_and_counts_read_back_in_order_through_a_file() {
        let mut s = Spool::with_limit(5);
        let mut record = Vec::new();
        put_count(&mut record, 2);
        put_text(&mut record, "Ève");
        put_text(&mut record, "");
        s.append(&record).unwrap();
        let mut r = s.into_reader().unwrap();
        assert_eq!(read_count(&mut r).unwrap(), Some(2));
        assert_eq!(read_text(&mut r).unwrap(), "Ève");
        assert_eq!(read_text(&mut r).unwrap(), "");
        assert_eq!(read_count(&mut r).unwrap(), None, "the end");
        assert!(read_text(&mut r).is_err(), "a text cannot be missing");
    }

    #[test]
    fn a_small_spool_stays_in_memory() {
        let mut s = Spool::with_limit(64);
        s.append(b"12345").unwrap();
        s.append(b"67890").unwrap();
        assert!(s.file.is_none());
        let mut out = Vec::new();
        s.copy_out(&mut out).unwrap();
        assert_eq!(out, b"1234567890");
    }
}
