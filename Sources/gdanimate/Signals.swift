import GDAnimateKit
#if canImport(Glibc)
import Glibc
#endif

/// A signal mid-run removes the temporary files, then ends the process as the signal would.
///
/// Not from a signal handler: a handler runs on whatever thread the signal interrupts, possibly inside
/// malloc holding its lock, and removing files allocates, so the process could hang for good (1 run in
/// 200 interrupted near 1 s; gdb showed the handler waiting on malloc's lock). The signals are blocked in
/// every thread instead (threads made later inherit the mask) and one thread waits for them with sigwait,
/// then cleans up as ordinary code.
enum Signals {
    static func installCleanup() {
        waitedSignals = cleanupSignals()
        pthread_sigmask(SIG_BLOCK, &waitedSignals, nil)
        var thread = pthread_t()
        pthread_create(&thread, nil, { _ in
            var sig: Int32 = 0
            guard sigwait(&waitedSignals, &sig) == 0 else { return nil }
            Files.discardOnSignal()
            MP4Sink.stopEncoders()
            // Now die of the signal, as if no one had caught it (exit status 128 + signal for the shell).
            signal(sig, SIG_DFL)
            var one = sigset_t()
            sigemptyset(&one)
            sigaddset(&one, sig)
            pthread_sigmask(SIG_UNBLOCK, &one, nil)
            raise(sig)
            return nil
        }, nil)
    }

    /// After a failure: if a signal is ending the run, its thread will end the process, so say nothing
    /// more (wait for it); else remove what the run left half-made.
    static func quietIfInterrupted() {
        while Files.interrupted.load(ordering: .acquiring) { sleep(1) }
        Files.discardPending()
    }

    /// SIGINT, SIGTERM and SIGHUP, the signals that end a run, less any the caller made us ignore (`nohup`
    /// ignores SIGHUP; a script's background job ignores SIGINT): those stay ignored.
    private static func cleanupSignals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            sigaction(sig, nil, &current)
            let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
            if handler != unsafeBitCast(SIG_IGN, to: Int.self) { sigaddset(&set, sig) }
        }
        return set
    }
}

/// The signals the cleanup thread waits for; set once, before that thread starts.
nonisolated(unsafe) private var waitedSignals = sigset_t()

enum Memory {
    /// Frames are megabyte-sized and made hundreds of times: keep them in the heap rather than fresh
    /// mmap'd pages, whose faulting and zeroing would otherwise cost more than drawing a frame.
    static func keepFramesInHeap() {
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 256 << 20)
        _ = glibcMallopt(-1 /* M_TRIM_THRESHOLD */, 512 << 20)
    }
}

/// glibc's `mallopt` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
