//! Arbitrary bytes as a capture file, opened and read through layerscope's reader (libpcap),
//! dissected and analysed: no panic, no hang, bounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("layerscope-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("input.pcap");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    if let Ok(cap) = layerscope::packets::load(&path, Some(10_000)) {
        for p in &cap.packets {
            assert!(p.raw.data.len() <= layerscope::capture::MAX_PACKET);
        }
    }
});
