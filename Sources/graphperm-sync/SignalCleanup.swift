import Dispatch
import Foundation
import GraphPermSync

/// Removes the sync's staging folder when SIGINT or SIGTERM ends the process (exit 130 or 143); the process owns
/// its signal handling, so this lives in the executable, not in the library.
final class SignalCleanup {
    private var sources: [any DispatchSourceSignal] = []

    init(removing staging: StagingFolder) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                staging.remove()
                let note = "graphperm: interrupted; the knowledge base is unchanged\n"
                FileHandle.standardError.write(Data(note.utf8))
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
