import GRDB

/// The schema, one registered migration per version; a migration once released is never edited.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for statement in version1 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v2") { db in
            // An account whose API token may be used before its first sign-in (`accounts --api-ready`).
            try db.execute(sql: "ALTER TABLE tai_khoan ADD COLUMN api_truoc_dang_nhap INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }

    /// Accounts, sessions, login failures, uploads and their files, submission events, comment
    /// files, and the audit log. Uploads, their files, events and the log are append-only: a
    /// trigger refuses any UPDATE or DELETE.
    static let version1 =
        [
            """
            CREATE TABLE tai_khoan (
                id INTEGER PRIMARY KEY,
                ten_dang_nhap TEXT NOT NULL UNIQUE,
                vai_tro TEXT NOT NULL CHECK (vai_tro IN ('quan-tri', 'don-vi')),
                don_vi TEXT,
                mat_khau_bam TEXT NOT NULL,
                phai_doi_mat_khau INTEGER NOT NULL DEFAULT 1,
                ma_api_bam TEXT UNIQUE,
                tao_luc TEXT NOT NULL)
            """,
            """
            CREATE TABLE phien (
                id_bam TEXT PRIMARY KEY,
                tai_khoan_id INTEGER NOT NULL REFERENCES tai_khoan(id),
                csrf TEXT NOT NULL,
                het_han REAL NOT NULL)
            """,
            "CREATE TABLE dang_nhap_loi (thoi_diem REAL NOT NULL, ten_dang_nhap TEXT NOT NULL, dia_chi TEXT NOT NULL)",
            "CREATE INDEX dang_nhap_loi_thoi_diem ON dang_nhap_loi (thoi_diem)",
            """
            CREATE TABLE lan_nop (
                id INTEGER PRIMARY KEY,
                don_vi TEXT NOT NULL,
                tai_khoan TEXT NOT NULL,
                thoi_gian TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                hop_le INTEGER NOT NULL,
                so_loi INTEGER NOT NULL,
                so_canh_bao INTEGER NOT NULL,
                chan_doan TEXT NOT NULL)
            """,
            "CREATE INDEX lan_nop_don_vi ON lan_nop (don_vi, id)",
            """
            CREATE TABLE tep_nop (
                lan_nop_id INTEGER NOT NULL REFERENCES lan_nop(id),
                thu_tu INTEGER NOT NULL,
                ten TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                kich_thuoc INTEGER NOT NULL,
                PRIMARY KEY (lan_nop_id, thu_tu))
            """,
            """
            CREATE TABLE su_kien (
                id INTEGER PRIMARY KEY,
                don_vi TEXT NOT NULL,
                lan_nop_id INTEGER NOT NULL REFERENCES lan_nop(id),
                loai TEXT NOT NULL CHECK (loai IN ('gui', 'tra-lai', 'chap-nhan')),
                ghi_chu TEXT NOT NULL DEFAULT '',
                thoi_gian TEXT NOT NULL,
                ngay TEXT NOT NULL,
                tai_khoan TEXT NOT NULL)
            """,
            "CREATE INDEX su_kien_don_vi ON su_kien (don_vi, id)",
            """
            CREATE TABLE gop_y (
                id INTEGER PRIMARY KEY,
                thoi_gian TEXT NOT NULL,
                tai_khoan TEXT NOT NULL,
                ten TEXT NOT NULL,
                sha256 TEXT NOT NULL)
            """,
            """
            CREATE TABLE nhat_ky (
                id INTEGER PRIMARY KEY,
                thoi_gian TEXT NOT NULL,
                tai_khoan TEXT,
                dia_chi TEXT,
                hanh_dong TEXT NOT NULL,
                doi_tuong TEXT NOT NULL)
            """,
        ] + ["nhat_ky", "lan_nop", "tep_nop", "su_kien", "gop_y"].flatMap(appendOnly)

    /// The triggers that make `table` append-only.
    static func appendOnly(_ table: String) -> [String] {
        ["UPDATE", "DELETE"].map { verb in
            """
            CREATE TRIGGER \(table)_khong_\(verb.lowercased()) BEFORE \(verb) ON \(table)
            BEGIN SELECT RAISE(ABORT, 'bảng \(table) chỉ được thêm, không được sửa hay xoá'); END
            """
        }
    }
}
