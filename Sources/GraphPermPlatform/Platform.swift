// What the modules `graphperm` links import for dates, data, files and system calls: FoundationEssentials, not the
// whole of Foundation (whose ICU data alone is 34 MB), and the C library. Foundation only where FoundationEssentials
// does not exist.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#endif
