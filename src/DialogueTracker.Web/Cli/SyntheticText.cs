namespace DialogueTracker.Web.Cli;

/// <summary>
/// Word material for synthetic records: topics with sentences that belong to them, in English and Vietnamese
/// (with đ and the other marks), so that words are spread over records as unevenly as in real ones.
/// </summary>
internal static class SyntheticText
{
    public sealed record TopicText(string Slug, string NameEn, string NameVi, string? Parent, string[] En, string[] Vi);

    public static readonly TopicText[] Topics =
    [
        new("human-rights", "Human rights", "Nhân quyền", null,
            ["Both sides reaffirmed their commitment to promoting and protecting human rights.", "The EU raised individual human rights cases of concern."],
            ["Hai bên khẳng định cam kết thúc đẩy và bảo vệ nhân quyền.", "EU nêu một số trường hợp nhân quyền cá nhân đáng quan ngại."]),
        new("civil-and-political-rights", "Civil and political rights", "Quyền dân sự và chính trị", "human-rights",
            ["Civil and political rights were discussed at length.", "The ICCPR review was mentioned as a shared reference."],
            ["Các quyền dân sự và chính trị được thảo luận kỹ lưỡng.", "Việc rà soát Công ước ICCPR được nhắc đến như một tham chiếu chung."]),
        new("freedom-of-expression", "Freedom of expression", "Tự do biểu đạt", "civil-and-political-rights",
            ["The EU called for freedom of expression online and offline, including for bloggers and journalists.", "Restrictions on the press and on social media were raised."],
            ["EU kêu gọi đảm bảo tự do biểu đạt trên mạng và ngoài đời thực, kể cả cho blogger và nhà báo.", "Các hạn chế đối với báo chí và mạng xã hội được nêu ra."]),
        new("freedom-of-religion-or-belief", "Freedom of religion or belief", "Tự do tôn giáo hay tín ngưỡng", "civil-and-political-rights",
            ["Freedom of religion or belief and the law on belief and religion were discussed.", "Registration of religious groups remained a concern."],
            ["Tự do tôn giáo hay tín ngưỡng và Luật tín ngưỡng, tôn giáo được thảo luận.", "Việc đăng ký các nhóm tôn giáo độc lập vẫn là một mối quan ngại."]),
        new("death-penalty", "Death penalty", "Án tử hình", "civil-and-political-rights",
            ["The EU reiterated its opposition to the death penalty in all circumstances and called for a moratorium.", "Data on death sentences and executions should be published."],
            ["EU nhắc lại lập trường phản đối án tử hình trong mọi trường hợp và đề nghị tạm hoãn thi hành.", "Số liệu về án tử hình và thi hành án cần được công bố."]),
        new("human-rights-defenders", "Human rights defenders", "Nhà hoạt động nhân quyền", "civil-and-political-rights",
            ["The EU expressed concern about the detention of human rights defenders.", "Peaceful activists should be able to work without reprisals."],
            ["EU bày tỏ quan ngại về việc giam giữ các nhà hoạt động nhân quyền.", "Những người hoạt động ôn hòa cần được làm việc mà không bị trả đũa."]),
        new("arrest-detention-and-trial", "Arrest, detention and trial", "Bắt giữ, tạm giam và xét xử", "civil-and-political-rights",
            ["Fair trial guarantees and access to lawyers during pre-trial detention were raised.", "Article 117 of the Penal Code was discussed."],
            ["Các bảo đảm xét xử công bằng và quyền tiếp cận luật sư trong thời gian tạm giam được nêu ra.", "Điều 117 Bộ luật Hình sự được thảo luận."]),
        new("economic-social-and-cultural-rights", "Economic, social and cultural rights", "Quyền kinh tế, xã hội và văn hóa", "human-rights",
            ["Viet Nam highlighted progress in poverty reduction and access to education.", "Social protection and health care were discussed."],
            ["Việt Nam nêu bật thành tựu giảm nghèo và tiếp cận giáo dục.", "An sinh xã hội và chăm sóc y tế được đề cập."]),
        new("labour-rights", "Labour rights", "Quyền lao động", "economic-social-and-cultural-rights",
            ["Ratification of ILO Convention 87 on freedom of association was discussed.", "The revised Labour Code and independent worker organisations were welcomed."],
            ["Việc phê chuẩn Công ước 87 của ILO về tự do hiệp hội được thảo luận.", "Bộ luật Lao động sửa đổi và tổ chức đại diện người lao động độc lập được hoan nghênh."]),
        new("child-labour", "Child labour", "Lao động trẻ em", "labour-rights",
            ["Efforts to eliminate child labour were acknowledged.", "Child labour in supply chains was raised."],
            ["Nỗ lực xóa bỏ lao động trẻ em được ghi nhận.", "Vấn đề lao động trẻ em trong chuỗi cung ứng được nêu ra."]),
        new("gender-equality", "Gender equality", "Bình đẳng giới", "human-rights",
            ["Gender equality and the fight against domestic violence were discussed.", "Women's participation in politics has grown."],
            ["Bình đẳng giới và phòng chống bạo lực gia đình được thảo luận.", "Sự tham gia của phụ nữ trong đời sống chính trị đã tăng lên."]),
        new("universal-periodic-review", "UN Universal Periodic Review", "Cơ chế Rà soát Định kỳ Phổ quát (UPR)", "human-rights",
            ["Implementation of accepted UPR recommendations was reviewed.", "Viet Nam presented its mid-term UPR report."],
            ["Việc thực hiện các khuyến nghị UPR đã chấp thuận được rà soát.", "Việt Nam trình bày báo cáo giữa kỳ UPR."]),
        new("democracy-and-rule-of-law", "Democracy and the rule of law", "Dân chủ và pháp quyền", null,
            ["Judicial reform and the independence of courts were discussed.", "The rule of law is a shared goal."],
            ["Cải cách tư pháp và tính độc lập của tòa án được thảo luận.", "Nhà nước pháp quyền là mục tiêu chung."]),
        new("sustainable-development", "Sustainable development", "Phát triển bền vững", null,
            ["Sustainable development goals guide cooperation.", "The EVFTA sustainable development chapter was reviewed."],
            ["Các mục tiêu phát triển bền vững định hướng hợp tác.", "Chương phát triển bền vững của EVFTA được rà soát."]),
        new("climate-change", "Climate change", "Biến đổi khí hậu", "sustainable-development",
            ["The Just Energy Transition Partnership was discussed.", "Climate change adaptation in the Mekong Delta is urgent."],
            ["Quan hệ Đối tác Chuyển đổi Năng lượng Công bằng được thảo luận.", "Thích ứng với biến đổi khí hậu ở Đồng bằng sông Cửu Long là cấp bách."]),
        new("environmental-pollution", "Environmental pollution", "Ô nhiễm môi trường", "sustainable-development",
            ["Plastic pollution and air quality in large cities were raised.", "Environmental activists must not be prosecuted."],
            ["Ô nhiễm nhựa và chất lượng không khí tại các đô thị lớn được nêu ra.", "Các nhà hoạt động môi trường không nên bị truy tố."]),
        new("iuu-fishing", "Illegal, unreported and unregulated (IUU) fishing", "Khai thác hải sản bất hợp pháp (IUU)", "sustainable-development",
            ["The yellow card on IUU fishing was discussed.", "Vessel monitoring and traceability have improved."],
            ["Thẻ vàng IUU đối với hải sản được thảo luận.", "Việc giám sát tàu cá và truy xuất nguồn gốc đã được cải thiện."]),
        new("international-security", "International security", "An ninh quốc tế", null,
            ["Regional security in the South China Sea was discussed.", "Both sides support a rules-based international order."],
            ["An ninh khu vực ở Biển Đông được thảo luận.", "Hai bên ủng hộ trật tự quốc tế dựa trên luật lệ."]),
        new("maritime-security", "Maritime security", "An ninh hàng hải", "international-security",
            ["Freedom of navigation under UNCLOS was reaffirmed.", "Maritime security cooperation will deepen."],
            ["Tự do hàng hải theo UNCLOS được tái khẳng định.", "Hợp tác an ninh hàng hải sẽ được đẩy mạnh."]),
        new("cybersecurity", "Cybersecurity", "An ninh mạng", "international-security",
            ["The Law on Cybersecurity and data localisation were discussed.", "Cyber capacity building was offered."],
            ["Luật An ninh mạng và yêu cầu lưu trữ dữ liệu trong nước được thảo luận.", "Hỗ trợ nâng cao năng lực an ninh mạng được đề xuất."]),
        new("human-trafficking", "Human trafficking", "Buôn bán người", null,
            ["Cooperation against human trafficking and irregular migration was strengthened.", "Victims of trafficking need protection."],
            ["Hợp tác phòng chống buôn bán người và di cư bất hợp pháp được tăng cường.", "Nạn nhân bị mua bán cần được bảo vệ."]),
        new("covid-19", "COVID-19", "COVID-19", null,
            ["Vaccine donations under COVAX were welcomed.", "The pandemic delayed the dialogue round."],
            ["Việc tài trợ vắc-xin qua COVAX được hoan nghênh.", "Đại dịch khiến vòng đối thoại bị hoãn."]),
    ];

    public static readonly string[] GenericEn =
    [
        "The dialogue took place in a frank and constructive atmosphere.",
        "Both sides agreed to continue the dialogue at the next round.",
        "The EU Delegation met representatives of civil society.",
        "Viet Nam underlined its achievements and its respect for international law.",
        "The EU stands ready to support reforms through technical cooperation.",
        "Officials exchanged views on recent legislative developments.",
        "The spokesperson rejected the report as lacking objectivity.",
        "Member States echoed the concerns raised by the EU.",
    ];

    public static readonly string[] GenericVi =
    [
        "Cuộc đối thoại diễn ra trong không khí thẳng thắn và xây dựng.",
        "Hai bên nhất trí tiếp tục đối thoại tại vòng tiếp theo.",
        "Phái đoàn EU đã gặp đại diện các tổ chức xã hội dân sự.",
        "Việt Nam nhấn mạnh các thành tựu và sự tôn trọng luật pháp quốc tế.",
        "EU sẵn sàng hỗ trợ cải cách thông qua hợp tác kỹ thuật.",
        "Các quan chức trao đổi về những thay đổi pháp luật gần đây.",
        "Người phát ngôn bác bỏ báo cáo vì thiếu khách quan.",
        "Các nước thành viên đồng tình với những quan ngại EU nêu ra.",
    ];

    public static readonly (string Name, string Role, string Party)[] Speakers =
    [
        ("Lê Thị Thu Hằng", "Người phát ngôn Bộ Ngoại giao", "viet-nam"),
        ("Phạm Thu Hằng", "Người phát ngôn Bộ Ngoại giao", "viet-nam"),
        ("Đoàn Khắc Việt", "Người phát ngôn Bộ Ngoại giao", "viet-nam"),
        ("Nguyễn Phương Trà", "Phó Vụ trưởng Vụ Tổ chức quốc tế", "viet-nam"),
        ("Đặng Hoàng Giang", "Thứ trưởng Bộ Ngoại giao", "viet-nam"),
        ("Giorgio Aliberti", "EU Ambassador to Viet Nam", "eu"),
        ("Julien Guerrier", "EU Ambassador to Viet Nam", "eu"),
        ("Eamon Gilmore", "EU Special Representative for Human Rights", "eu"),
        ("Paola Pampaloni", "Deputy Managing Director, EEAS", "eu"),
        ("Nicolas Warnery", "Ambassador of France", "eu-member-state"),
        ("Guido Hildner", "Ambassador of Germany", "eu-member-state"),
        ("Hannah Neumann", "Member of the European Parliament", "european-parliament"),
        ("Phil Robertson", "Deputy Director, Human Rights Watch Asia", "ngo"),
    ];

    public static readonly (string Slug, string NameEn, string NameVi)[] Mechanisms =
    [
        ("human-rights-dialogue", "EU–Viet Nam Human Rights Dialogue", "Đối thoại Nhân quyền EU–Việt Nam"),
        ("political-consultations", "Vice-Ministerial Political Consultations", "Tham vấn Chính trị cấp Thứ trưởng"),
        ("delegation-dialogue", "EU Delegation dialogue", "Đối thoại của Phái đoàn EU"),
    ];

    public static readonly string[] Places = ["Hà Nội", "Brussels", "Đà Nẵng", "Hồ Chí Minh City", "online"];
}
