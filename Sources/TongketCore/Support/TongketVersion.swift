/// tongket's version, printed by `tongket --version` and written into the Debian package.
public enum TongketVersion {
    /// The version, `MAJOR.MINOR.PATCH`. `scripts/package-deb` reads it from this line.
    public static let current = "0.9.0"
}
