/// The keys each kind of record in an outline folder may hold, in the order the documentation
/// lists them and the upgrade writes them. The loader refuses any other key (suggesting the
/// nearest of these), and a test holds the JSON Schemas in `outline/schema/` to these lists.
package enum OutlineKeys {
    // chuong-trinh.yaml
    package static let programme = [
        OutlineFormat.key, "ma", "ten", "trich_yeu", "loai_tong_ket", "tinh", "dia_danh", "can_cu", "giai_doan", "cac_giai_doan",
        "thoi_han", "danh_so", "loai_don_vi", "cap", "noi_nhan_mac_dinh", "hinh_thuc_khen_thuong", "bao_cao_tong_hop",
    ]
    /// An item of `cap`: a level of government that reports, lowest first.
    package static let level = ["ma", "ten", "loai_don_vi"]
    /// `can_cu`: the document the review implements.
    package static let basis = ["loai", "so", "ngay", "co_quan", "ten"]
    /// `giai_doan`: the whole period.
    package static let period = ["tu", "den"]
    /// An item of `cac_giai_doan`.
    package static let phase = ["ten", "tu", "den"]
    /// `thoi_han`.
    package static let deadlines = ["bao_cao_don_vi", "bao_cao_chuyen_de", "bao_cao_tong_hop"]
    /// `bao_cao_tong_hop`: the consolidated report's issuer.
    package static let issuer = ["don_vi_soan", "co_quan", "ten", "ky_hieu", "nguoi_ky", "noi_nhan", "nguoi_ky_don_vi_soan"]
    /// `bao_cao_tong_hop.nguoi_ky`.
    package static let signer = ["quyen_han", "chuc_vu", "ho_ten"]

    // de-cuong.yaml
    package static let sectionsFile = ["muc"]
    package static let section = [
        "ma", "tieu_de", "huong_dan", "kieu", "bat_buoc", "khong_bat_buoc", "muc_con", "de_xuat_voi", "cau_so_lieu",
    ]

    // don-vi.yaml
    package static let unitsFile = ["don_vi"]
    /// How a unit changed during the programme (read in `UnitChange`).
    package static let unitChange = ["thanh_lap", "ket_thuc", "tien_than", "sap_xep"]
    package static let unit = ["ma", "ten", "loai", "cap_tren", "ky_hieu", "chu_quan", "co_quan", "dia_danh"] + unitChange

    // chuyen-de.yaml
    package static let thematicsFile = ["chuyen_de"]
    package static let thematic = ["so", "don_vi", "chu_de", "muc", "phu_luc"]

    // muc-tieu.yaml
    package static let targetsFile = ["muc_tieu"]
    package static let target = ["ma", "ten", "nguon", "chi_tieu", "so_sanh", "gia_tri", "nam"]

    // phu-luc/*.yaml
    package static let appendix = ["ma", "so", "ten", "chu_tri", "don_vi_dien", "chi_tieu", "rang_buoc"]
    package static let indicator = [
        "ma", "ten", "don_vi_tinh", "kieu", "tong_hop", "tu_so", "mau_so", "don_vi_dien", "bieu_do", "thap_phan",
    ]
    /// An item of `rang_buoc`.
    package static let rule = ["chi_tieu", "khong_vuot"]
}
