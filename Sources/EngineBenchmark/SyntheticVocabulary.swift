/// The words synthetic content is made of: a few thousand per language, most frequent first.
///
/// English: common and support words, then made-up words (Telex-safe, so the normalizer leaves
/// them alone) for the long tail. Vietnamese: real syllables with their diacritics, alone and in
/// pairs, as Vietnamese words are written. Off-topic words never appear in a pattern.
struct SyntheticVocabulary: Sendable {
    var english: [String]
    var vietnamese: [String]
    var offTopicEnglish: [String]
    var offTopicVietnamese: [String]

    func words(_ language: SyntheticLanguage) -> [String] { language == .en ? english : vietnamese }
    func offTopic(_ language: SyntheticLanguage) -> [String] {
        language == .en ? offTopicEnglish : offTopicVietnamese
    }

    init(size: Int, generator: inout SeededGenerator) {
        offTopicEnglish = Self.offTopicEnglishText.split(separator: " ").map(String.init)
        offTopicVietnamese = Self.offTopicVietnameseText.split(separator: " ").map(String.init)
        let offTopic = Set(offTopicEnglish + offTopicVietnamese)

        var seen = Set<String>()
        english = []
        for word in Self.englishText.split(separator: " ").map(String.init)
        where !offTopic.contains(word) && seen.insert(word).inserted {
            english.append(word)
        }
        var attempts = 0
        while english.count < size && attempts < size * 20 {
            attempts += 1
            let word = Self.madeUpWord(using: &generator)
            if !offTopic.contains(word), seen.insert(word).inserted { english.append(word) }
        }

        let syllables = Self.vietnameseText.split(separator: " ").map(String.init).filter { !offTopic.contains($0) }
        vietnamese = []
        var pairs = Set<String>()
        for syllable in syllables where seen.insert(syllable).inserted { vietnamese.append(syllable) }
        attempts = 0
        while vietnamese.count < size && attempts < size * 20 {
            attempts += 1
            let pair = generator.pick(syllables) + " " + generator.pick(syllables)
            if pairs.insert(pair).inserted { vietnamese.append(pair) }
        }
        // Frequent words first: a shuffled head keeps the real words frequent in both languages.
        vietnamese =
            Array(vietnamese.prefix(syllables.count)).shuffled(using: &generator)
            + vietnamese.dropFirst(syllables.count)
    }

    /// Two or three syllables of consonant-vowel shapes that are not Vietnamese syllables and end
    /// in none of the Telex tone keys (s f r x j), so Telex repair never touches them.
    static func madeUpWord(using generator: inout SeededGenerator) -> String {
        let onsets = [
            "b", "br", "c", "cl", "d", "dr", "g", "gl", "k", "l", "m", "n", "p", "pl", "pr", "st", "t", "tr", "v",
        ]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
        let codas = ["", "", "l", "n", "nd", "nt", "ck", "m", "lt", "mp"]
        var word = ""
        for _ in 0..<Int.random(in: 2...3, using: &generator) {
            word += generator.pick(onsets) + generator.pick(vowels)
        }
        return word + generator.pick(codas)
    }

    static let englishText = """
        account money withdraw deposit fee card wallet password code send receive help please how why \
        when where what can cannot not my your transfer balance payment order trade buy sell coin \
        token network address verify identity photo document email phone number app login logout reset \
        change update cancel refund charge limit daily monthly pending failed stuck missing wrong lost \
        stolen locked blocked frozen open close new old first last again still yet already today \
        tomorrow yesterday hour minute week time fast slow error problem issue support agent human \
        person chat message notification alert security scam fraud fake link website official channel \
        group admin team service bank transaction history statement report receipt invoice tax interest \
        rate price market spot future margin leverage loan borrow repay collateral stake reward bonus \
        promotion campaign referral friend invite share earn savings fund profit loss risk level tier \
        upgrade downgrade standard premium business personal company country region nationality \
        resident passport license selfie camera upload download install device browser computer \
        laptop tablet screen button page menu setting option profile name birthday signature contract \
        agreement policy rule term condition privacy data delete remove restore backup recover \
        recovery seed phrase private key public secret backup authenticator google sms voice call \
        enable disable turn off on confirm confirmation approve reject deny decline accept allow \
        permission access restrict restriction suspend suspended review check status progress process \
        processing complete completed finish finished start begin continue stop retry try work working \
        broken crash freeze loading blank white black show display hide visible invisible balance \
        available frozen locked total amount minimum maximum small large big tiny huge full partial \
        half double triple extra additional hidden unexpected unknown strange weird suspicious unusual \
        recent latest current previous next early late delay delayed waiting wait long short quick \
        instant immediately soon later never always often sometimes usually normally exactly about \
        around more less most least many much few several every each other another same different \
        similar right correct incorrect valid invalid expired active inactive ready busy free paid \
        cheap expensive cost spend pay paid buyer seller merchant vendor customer client user member \
        owner holder beneficiary recipient sender receiver partner dispute appeal complaint feedback \
        question answer reply response request ticket case number reference id memo tag note comment \
        description detail information info guide tutorial instruction step method way option choice \
        plan package offer deal coupon voucher gift prize event contest lottery airdrop launch listing \
        delisting pair chart candle volume depth book liquidity slippage spread commission discount \
        convert exchange swap bridge chain mainnet testnet contract gas speed confirmations block hash \
        explorer scan memo destination source origin internal external partner vault custody cold hot \
        storage hardware ledger paper mobile desktop web extension version latest update patch bug \
        glitch outage maintenance downtime upgrade schedule notice announcement news blog forum \
        community social media telegram twitter facebook youtube email inbox spam junk folder filter
        """

    static let vietnameseText = """
        tiền rút nạp tài khoản mật khẩu mã thẻ ví phí giao dịch chuyển nhận gửi kiểm tra xác minh danh \
        tính ảnh chụp giấy tờ số điện thoại ứng dụng đăng nhập xuất đặt lại đổi cập nhật hủy hoàn \
        trả hạn mức ngày tháng năm chờ lỗi kẹt mất sai bị khóa chặn đóng băng mở mới cũ lần đầu cuối \
        vẫn chưa đã hôm nay mai qua giờ phút tuần nhanh chậm vấn đề hỗ trợ nhân viên người trò chuyện \
        tin nhắn thông báo cảnh báo bảo mật lừa đảo giả liên kết trang web chính thức kênh nhóm quản \
        đội dịch vụ ngân hàng lịch sử sao kê báo cáo biên lai hóa đơn thuế lãi suất giá thị trường \
        ký quỹ đòn bẩy vay nợ thế chấp thưởng khuyến mãi chiến dịch giới thiệu bạn bè mời chia sẻ \
        kiếm tiết lời lỗ rủi ro cấp độ nâng hạ chuẩn cao doanh nghiệp cá nhân công ty quốc gia vùng \
        cư trú hộ chiếu bằng lái tải lên xuống cài thiết bị trình duyệt máy tính bảng màn hình nút \
        trang mục cài đặt tùy chọn hồ sơ tên sinh nhật chữ ký hợp đồng thỏa thuận chính sách quy \
        định điều khoản riêng tư dữ liệu xóa khôi phục sao lưu cụm từ khóa bí mật xác thực cuộc gọi \
        bật tắt chấp nhận từ chối cho phép quyền truy cập hạn chế tạm ngưng xem xét trạng thái tiến \
        xử lý hoàn thành xong bắt đầu tiếp tục dừng thử làm việc hỏng treo đang tải trống trắng đen \
        hiện ẩn khả dụng tổng số lượng tối thiểu đa nhỏ lớn to đầy đủ một phần nửa gấp đôi thêm \
        lạ đáng ngờ bất thường gần đây mới nhất hiện tại trước sau sớm muộn trễ đợi lâu ngắn ngay \
        lập tức luôn thường đôi khi khoảng hơn nhiều ít mỗi khác giống đúng hợp lệ hết hạn hoạt động \
        sẵn sàng bận miễn phí rẻ đắt chi tiêu mua bán người khách hàng thành viên chủ sở hữu thụ \
        hưởng tranh chấp khiếu nại góp ý câu hỏi trả lời phản hồi yêu cầu phiếu tham chiếu ghi chú \
        mô tả chi tiết hướng dẫn bước cách phương thức lựa chọn gói ưu đãi quà giải sự kiện cuộc \
        thi niêm yết cặp biểu đồ nến khối thanh khoản trượt chênh lệch hoa hồng chiết khấu quy đổi \
        hoán đổi cầu chuỗi mạng lưới tốc độ xác nhận khối băm nội bộ bên ngoài đối tác kho lưu trữ \
        lạnh nóng phần cứng di động máy bàn phiên bản bản vá sự cố bảo trì lịch trình tin tức diễn đàn \
        cộng đồng mạng xã hội hộp thư rác lọc
        """

    static let offTopicEnglishText = """
        weather rain sunny football soccer match recipe pizza pasta movie film song music lyrics \
        concert guitar piano poem novel cat dog puppy kitten garden flower tree beach mountain holiday \
        vacation hotel restaurant dinner lunch breakfast coffee tea cake birthday wedding party \
        dance sing joke funny story tokyo paris london capital river ocean planet moon star galaxy \
        dinosaur history homework teacher school exam math chemistry biology painting drawing
        """

    static let offTopicVietnameseText = """
        thời tiết mưa nắng bóng đá trận đấu công thức nấu phở bún cơm phim bài hát nhạc ca sĩ \
        thơ truyện mèo chó vườn hoa cây biển núi du lịch khách sạn nhà hàng bữa tối trưa sáng cà \
        phê trà bánh kem đám cưới tiệc nhảy múa hát chuyện cười hà nội sài gòn sông đại dương \
        hành tinh mặt trăng ngôi sao khủng long bài tập giáo viên trường học thi toán hóa học vẽ tranh
        """
}

/// The two languages synthetic content is written in.
enum SyntheticLanguage: String, Sendable, CaseIterable {
    case en
    case vi
}
