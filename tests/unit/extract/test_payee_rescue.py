"""kg.extract.payee_rescue: payee blocks of pdfminer.six text that the column reader left unread and whose text
still settles the rows, and blocks that must stay unknown. The cells are those pdfminer.six writes for generated
review sheets (tests/fixtures/review_sheets.py: LibreOffice and reportlab prints), as
kg.extract.review_text.payee_section_cells gives them (text, line, is a table header)."""
from kg.extract import payee_columns as pc
from kg.extract.payee_columns import payee_columns
from kg.extract.payee_rescue import head_amount_reads, pair_names

INDIVIDUALS = [
    ('A.地方公共団体', 200, False), ('支出先', 202, True), ('法人番号', 204, True), ('業務概要', 206, True), ('支出額 (百万円)', 208, True),
    ('契約方式等', 210, True), ('入札者数 (応募者数)', 212, True), ('落札率', 215, True), ('1 那覇市', 217, False), ('2', 219, False),
    ('個人(C)', 221, False), ('3', 223, False), ('個人(C)', 225, False), ('3000020472018 データ整備及び分析業務', 227, False),
    ('6,296', 229, False), ('随意契約(企画競争)', 231, False), ('-', 234, False), ('データ整備及び分析業務', 236, False),
    ('3,599', 238, False), ('随意契約(公募)', 240, False), ('-', 242, False), ('-', 244, False), ('-', 246, False),
    ('ヘルプデスク業務', 248, False), ('4 神戸市', 250, False), ('9000020281000 機器の賃貸借', 252, False),
    ('5 株式会社エヌ・ティ・ティ・データ 5437313751879 研修の企画運営', 254, False), ('3,107', 256, False), ('一般競争契約(最低価格)', 258, False),
    ('2,410', 261, False), ('一般競争契約(総合評価)', 263, False), ('5', 266, False), ('1', 268, False), ('2,321', 270, False),
    ('随意契約(企画競争)', 272, False), ('-', 275, False), ('-', 277, False), ('-', 279, False), ('96%', 281, False),
    ('76%', 283, False), ('-', 285, False), ('-', 287, False),
    ('6 一般財団法人日本情報処理開発協会 8378481142004 機器の賃貸借', 289, False), ('1,437', 291, False), ('随意契約(公募)', 293, False),
    ('-', 295, False), ('B.地方公共団体', 297, False), ('計', 299, True), ('支出先', 301, True), ('19,170', 303, False),
]

NEXT_HEAD = [
    ('A.民間企業', 180, False), ('支出先', 182, True), ('法人番号', 184, True), ('業務概要', 186, True), ('支出額 (百万円)', 188, True),
    ('契約方式等', 190, True), ('入札者数 (応募者数)', 192, True), ('落札率', 195, True), ('1 那覇市', 197, False),
    ('3000020472018 データ整備及び分析業務', 199, False), ('210', 201, False), ('随意契約(企画競争)', 203, False), ('3', 206, False),
    ('60%', 208, False), ('210', 210, False), ('法人番号', 212, True), ('業務概要', 214, True), ('支出額 (百万円)', 216, True),
    ('契約方式等', 218, True), ('入札者数 (応募者数)', 220, True), ('落札率', 223, True), ('1 日本電気株式会社', 225, False),
    ('6631916131725 機器の賃貸借', 227, False), ('603', 229, False), ('一般競争契約(総合評価)', 231, False), ('1', 234, False),
    ('73%', 236, False), ('C.研究機関', 238, False), ('計', 240, True), ('支出先', 242, True), ('法人番号', 244, True),
    ('業務概要', 246, True), ('支出額 (百万円)', 248, True), ('契約方式等', 250, True), ('入札者数 (応募者数)', 252, True),
    ('落札率', 255, True), ('603', 257, False), ('1 仙台市', 259, False), ('8000020041009 調査研究の請負', 261, False),
    ('535', 263, False), ('一般競争契約(総合評価)', 265, False), ('3', 268, False), ('76%', 270, False), ('D.公益法人', 272, False),
    ('計', 274, True), ('支出先', 276, True), ('法人番号', 278, True), ('業務概要', 280, True), ('支出額 (百万円)', 282, True),
    ('契約方式等', 284, True), ('入札者数 (応募者数)', 286, True), ('落札率', 289, True), ('535', 291, False),
    ('1 国立研究開発法人情報通信研究機構 7308143349721 普及啓発事業の実施', 293, False), ('609 補助金等交付 5', 295, False), ('81%', 297, False),
    ('計', 299, True), ('609', 301, False), ('B.公益法人', 305, False), ('計', 307, True), ('支出先', 309, True),
    ('E.公益法人', 311, False), ('支出先', 313, True), ('法人番号', 315, True), ('業務概要', 317, True), ('支出額 (百万円)', 319, True),
    ('契約方式等', 321, True), ('入札者数 (応募者数)', 323, True), ('落札率', 326, True), ('1', 328, False),
    ('みずほリサーチ&テクノロジーズ株式会社', 330, False), ('8110352070928 補助事業の実施', 333, False), ('266 その他', 335, False),
    ('-', 337, False), ('-', 339, False), ('F.地方公共団体', 341, False), ('計', 343, True), ('支出先', 345, True),
    ('法人番号', 347, True), ('業務概要', 349, True), ('支出額 (百万円)', 351, True), ('契約方式等', 353, True),
    ('入札者数 (応募者数)', 355, True), ('落札率', 358, True), ('266', 360, False),
    ('1 一般財団法人日本情報処理開発協会 5486176353901 普及啓発事業の実施', 362, False), ('492', 364, False), ('一般競争契約(最低価格)', 366, False),
    ('1', 369, False), ('69%', 371, False), ('G.地方公共団体', 373, False), ('計', 375, True), ('支出先', 377, True),
    ('法人番号', 379, True), ('業務概要', 381, True), ('支出額 (百万円)', 383, True), ('契約方式等', 385, True),
    ('入札者数 (応募者数)', 387, True), ('落札率', 390, True), ('492', 392, False), ('1 株式会社三菱総合研究所', 394, False),
    ('3959083977278 ヘルプデスク業務', 396, False), ('536', 398, False), ('一般競争契約(総合評価)', 400, False), ('-', 403, False),
    ('-', 405, False), ('H.地方公共団体', 407, False), ('計', 409, True), ('支出先', 411, True),
]

HEAD_AMOUNTS = [
    ('A.民間企業', 196, False), ('支出先', 198, True), ('法人番号', 200, True), ('業務概要', 202, True), ('支出額 (百万円)', 204, True),
    ('契約方式等 入札者数 (応募者数)', 207, True), ('落札率', 210, True), ('1', 212, False), ('2', 214, False), ('3', 216, False),
    ('横浜市', 218, False), ('3000020141003', 220, False), ('システムの設計・開発及び運用保守業務', 223, False),
    ('株式会社エヌ・ティ・ティ・データ', 226, False), ('2162235818242', 229, False), ('データ整備及び分析業務', 232, False),
    ('公益社団法人全国市町村研究会', 234, False), ('9181544138763', 237, False), ('普及啓発事業の実施', 240, False), ('2', 242, False),
    ('1', 244, False), ('1', 246, False), ('-', 248, False), ('3', 250, False), ('1', 252, False),
    ('随意契約(企画競争)', 254, False), ('その他', 257, False), ('一般競争契約(総合評価)', 259, False), ('-', 263, False),
    ('98%', 265, False), ('73%', 267, False), ('計', 271, True), ('B.研究機関', 273, False), ('4', 275, False),
    ('支出先', 277, True), ('法人番号', 279, True), ('業務概要', 281, True), ('支出額 (百万円)', 283, True),
    ('契約方式等 入札者数 (応募者数)', 286, True), ('落札率', 289, True), ('1', 291, False), ('2', 293, False), ('3', 295, False),
    ('4', 297, False), ('5', 299, False), ('6', 301, False), ('株式会社三菱総合研究所', 303, False),
    ('3323986812548', 305, False), ('補助事業の実施', 308, False), ('個人(B)', 310, False), ('個人(C)', 312, False),
    ('富士通株式会社', 314, False), ('千葉市', 316, False), ('-', 318, False), ('-', 320, False), ('2982935992394', 322, False),
    ('6000020121002', 325, False), ('研修の企画運営', 328, False), ('機器の賃貸借', 330, False), ('補助事業の実施', 332, False),
    ('機器の賃貸借', 334, False), ('みずほリサーチ&テクノロジーズ株式会社', 336, False), ('9360382424119', 339, False),
    ('データ整備及び分析業務', 342, False), ('計', 344, True), ('C.民間企業', 346, False), ('2', 348, False), ('1', 350, False),
    ('1', 352, False), ('1', 354, False), ('1', 356, False), ('1', 358, False), ('7', 360, False),
    ('一般競争契約(最低価格)', 362, False), ('随意契約(公募)', 366, False), ('補助金等交付', 369, False), ('随意契約(公募)', 372, False),
    ('その他', 375, False), ('補助金等交付', 377, False), ('-', 380, False), ('-', 382, False), ('3', 384, False),
    ('1', 386, False), ('-', 388, False), ('3', 390, False), ('-', 392, False), ('-', 394, False),
    ('89%', 396, False), ('97%', 398, False), ('-', 400, False), ('63%', 402, False), ('1', 404, False),
    ('2', 406, False), ('3', 408, False), ('4', 410, False), ('5', 412, False), ('6', 414, False), ('7', 416, False),
    ('支出先', 418, True), ('法人番号', 420, True),
]


CONTINUED = [
    ('I.公益法人', 701, False), ('計', 703, True), ('支出先', 705, True), ('法人番号', 707, True), ('業務概要', 709, True),
    ('支出額 (百万円)', 711, True), ('契約方式等', 713, True), ('入札者数 (応募者数)', 715, True), ('落札率', 718, True),
    ('100', 720, False), ('1 日本電気株式会社', 722, False), ('6342736676043 データ整備及び分析業務', 724, False),
    ('64 補助金等交付 -', 726, False), ('-', 728, False), ('2 那覇市', 730, False), ('3000020472018 ヘルプデスク業務', 732, False),
    ('56', 734, False), ('随意契約(公募)', 736, False), ('5', 738, False),
    ('3 一般財団法人日本情報処理開発協会 4577002958517 ヘルプデスク業務', 740, False), ('44', 742, False), ('随意契約(公募)', 744, False),
    ('1', 746, False), ('68%', 748, False), ('98%', 750, False), ('4 アクセンチュア株式会社', 752, False),
    ('6908478705198 普及啓発事業の実施', 754, False), ('29 補助金等交付 -', 756, False), ('-', 758, False), ('J.地方公共団体', 760, False),
    ('計', 762, True), ('支出先', 764, True), ('5', 766, False), ('KDDI株式会社', 768, False),
    ('6713353142034 研修の企画運営', 770, False), ('6 那覇市', 772, False), ('3000020472018 普及啓発事業の実施', 774, False),
    ('7 静岡市', 776, False), ('8000020221007 データ整備及び分析業務', 778, False), ('2', 780, False), ('3', 782, False),
    ('5', 784, False), ('20', 786, False), ('一般競争契約(総合評価)', 788, False), ('11', 791, False),
    ('一般競争契約(最低価格)', 793, False), ('7', 796, False), ('随意契約(企画競争)', 798, False), ('231', 801, False),
    ('62%', 803, False), ('89%', 805, False), ('91%', 807, False), ('法人番号', 809, True), ('業務概要', 811, True),
    ('支出額 (百万円)', 813, True), ('契約方式等', 815, True), ('入札者数 (応募者数)', 817, True), ('落札率', 820, True), ('1', 822, False),
    ('個人(A)', 824, False), ('-', 826, False), ('研修の企画運営', 828, False),
    ('2 国立研究開発法人情報通信研究機構 9752981517510 研修の企画運営', 830, False),
    ('3 株式会社エヌ・ティ・ティ・データ 8499482705538 普及啓発事業の実施', 832, False), ('42 その他', 834, False), ('1', 836, False),
    ('24 補助金等交付 5', 838, False), ('15', 840, False), ('一般競争契約(最低価格)', 842, False), ('2', 845, False),
    ('4 公益社団法人全国市町村研究会', 847, False), ('4695690250219', 849, False), ('システムの設計・開発及び運用保守業務', 851, False),
    ('10 補助金等交付 -', 854, False), ('5', 856, False), ('みずほリサーチ&テクノロジーズ株式会社', 858, False),
]


ONE_ROW_TWO_AMOUNTS = [
    ('A.公益法人', 192, False), ('支出先', 194, True), ('法人番号', 196, True), ('業務概要', 198, True), ('支出額 (百万円)', 200, True),
    ('契約方式等', 202, True), ('入札者数 (応募者数)', 204, True), ('落札率', 207, True), ('1 有限責任監査法人トーマツ', 209, False),
    ('6203198251743 普及啓発事業の実施', 211, False), ('法人番号', 213, True), ('業務概要', 215, True), ('支出額 (百万円)', 217, True),
    ('契約方式等', 219, True), ('入札者数 (応募者数)', 221, True), ('落札率', 224, True), ('1 那覇市', 226, False),
    ('3000020472018 補助事業の実施', 228, False), ('94', 230, False), ('随意契約(企画競争)', 232, False), ('2', 235, False),
    ('96%', 237, False), ('94', 239, False), ('95', 241, False), ('随意契約(企画競争)', 243, False), ('-', 246, False),
    ('-', 248, False), ('95', 250, False), ('B.研究機関', 252, False), ('計', 254, True), ('支出先', 256, True),
    ('C.研究機関', 258, False), ('計', 260, True), ('支出先', 262, True), ('法人番号', 264, True), ('業務概要', 266, True),
    ('支出額 (百万円)', 268, True), ('契約方式等', 270, True), ('入札者数 (応募者数)', 272, True), ('落札率', 275, True),
    ('1 富士通株式会社', 277, False), ('2519470429945', 279, False), ('システムの設計・開発及び運用保守業務', 281, False), ('55', 284, False),
    ('随意契約(企画競争)', 286, False), ('3', 289, False), ('71%', 291, False), ('D.研究機関', 293, False), ('計', 295, True),
    ('支出先', 297, True), ('法人番号', 299, True), ('業務概要', 301, True), ('支出額 (百万円)', 303, True), ('契約方式等', 305, True),
    ('入札者数 (応募者数)', 307, True), ('落札率', 310, True), ('55', 312, False), ('1', 314, False), ('個人(B)', 316, False),
    ('-', 318, False), ('ヘルプデスク業務', 320, False), ('87', 322, False), ('随意契約(公募)', 324, False), ('5', 326, False),
    ('75%', 328, False), ('E.公益法人', 332, False), ('計', 334, True), ('支出先', 336, True), ('法人番号', 338, True),
    ('業務概要', 340, True), ('支出額 (百万円)', 342, True), ('契約方式等', 344, True), ('入札者数 (応募者数)', 346, True),
    ('落札率', 349, True), ('87', 351, False), ('1 公益社団法人全国市町村研究会', 353, False), ('4221778426157 普及啓発事業の実施', 355, False),
    ('127', 357, False), ('一般競争契約(最低価格)', 359, False), ('5', 362, False), ('60%', 364, False), ('F.民間企業', 366, False),
    ('計', 368, True), ('支出先', 370, True), ('法人番号', 372, True), ('業務概要', 374, True), ('支出額 (百万円)', 376, True),
    ('契約方式等', 378, True), ('入札者数 (応募者数)', 380, True), ('落札率', 383, True), ('127', 385, False),
    ('1 株式会社日立製作所', 387, False), ('2279085321141 機器の賃貸借', 389, False), ('110', 391, False),
    ('一般競争契約(最低価格)', 393, False), ('1', 396, False), ('92%', 398, False), ('G.地方公共団体', 400, False), ('計', 402, True),
    ('支出先', 404, True), ('法人番号', 406, True), ('業務概要', 408, True), ('支出額 (百万円)', 410, True), ('契約方式等', 412, True),
    ('入札者数 (応募者数)', 414, True), ('落札率', 417, True), ('110', 419, False),
]

BUNCHED_TITLES = [
    ('98%', 300, False), ('C.公益法人', 302, False), ('計', 304, True), ('支出先', 306, True), ('法人番号', 308, True),
    ('業務概要', 310, True), ('支出額 (百万円)', 312, True), ('契約方式等', 314, True), ('入札者数 (応募者数)', 316, True),
    ('落札率', 319, True), ('4', 321, False), ('1 静岡市', 325, False), ('8000020221007 機器の賃貸借', 327, False),
    ('2 補助金等交付 3', 329, False), ('2 一般財団法人日本情報処理開発協会 2682517617392 研修の企画運営', 331, False), ('3 富士通株式会社', 333, False),
    ('8245184888845 ヘルプデスク業務', 335, False), ('法人番号', 337, True), ('業務概要', 339, True), ('支出額 (百万円)', 341, True),
    ('契約方式等', 343, True), ('入札者数 (応募者数)', 345, True), ('落札率', 348, True), ('1 有限責任監査法人トーマツ', 350, False),
    ('3684751116172 補助事業の実施', 352, False), ('3', 354, False), ('一般競争契約(総合評価)', 356, False), ('1', 359, False),
    ('2 一般財団法人日本情報処理開発協会 2788945297926 補助事業の実施', 361, False), ('1', 363, False), ('随意契約(公募)', 365, False),
    ('5', 367, False), ('3 一般財団法人日本情報処理開発協会 7804384357043 機器の賃貸借', 369, False), ('89%', 371, False),
    ('70%', 373, False), ('72%', 375, False), ('72%', 377, False), ('99%', 379, False), ('62%', 381, False),
    ('1', 383, False), ('一般競争契約(総合評価)', 385, False), ('1', 388, False), ('一般競争契約(最低価格)', 390, False),
    ('1', 393, False), ('3', 395, False), ('4', 397, False), ('1', 399, False), ('一般競争契約(総合評価)', 401, False),
    ('1', 404, False), ('5', 406, False), ('D.公益法人', 408, False), ('計', 410, True), ('支出先', 412, True),
    ('E.民間企業', 414, False), ('計', 416, True), ('支出先', 418, True), ('G.公益法人', 420, False), ('計', 422, True),
    ('支出先', 424, True), ('法人番号', 426, True), ('業務概要', 428, True), ('支出額 (百万円)', 430, True), ('契約方式等', 432, True),
    ('入札者数 (応募者数)', 434, True), ('落札率', 437, True), ('1 公益社団法人全国市町村研究会', 439, False),
    ('2603856920296 ヘルプデスク業務', 441, False), ('2', 443, False), ('随意契約(公募)', 445, False), ('3', 447, False),
    ('2 株式会社エヌ・ティ・ティ・データ 5545754235863 データ整備及び分析業務', 449, False),
    ('3 一般財団法人日本情報処理開発協会 6664498901494 機器の賃貸借', 451, False), ('1', 453, False), ('一般競争契約(総合評価)', 455, False),
    ('1', 458, False), ('一般競争契約(総合評価)', 460, False), ('5', 463, False), ('3', 465, False), ('89%', 467, False),
    ('60%', 469, False), ('78%', 471, False), ('4 仙台市', 473, False), ('8000020041009 普及啓発事業の実施', 475, False),
    ('1 補助金等交付 2', 477, False), ('84%', 479, False), ('F.研究機関', 481, False), ('計', 483, True), ('支出先', 485, True),
    ('法人番号', 487, True), ('業務概要', 489, True), ('支出額 (百万円)', 491, True), ('契約方式等', 493, True),
    ('入札者数 (応募者数)', 495, True), ('落札率', 498, True), ('5', 500, False), ('1 富士通株式会社', 502, False),
    ('7290553187133 補助事業の実施', 504, False), ('3', 506, False), ('随意契約(企画競争)', 508, False), ('2', 511, False),
    ('60%', 513, False), ('3', 515, False), ('法人番号', 517, True), ('業務概要', 519, True), ('支出額 (百万円)', 521, True),
    ('契約方式等', 523, True), ('入札者数 (応募者数)', 525, True), ('落札率', 528, True),
    ('1 一般財団法人日本情報処理開発協会 9305332005008 機器の賃貸借', 530, False), ('3', 532, False), ('随意契約(公募)', 534, False),
    ('-', 536, False), ('-', 538, False), ('2 東日本電信電話株式会社', 540, False), ('2269710860191 ヘルプデスク業務', 542, False),
    ('2', 544, False), ('一般競争契約(最低価格)', 546, False), ('5', 549, False), ('77%', 551, False), ('H.研究機関', 553, False),
    ('計', 555, True), ('支出先', 557, True), ('法人番号', 559, True), ('業務概要', 561, True), ('支出額 (百万円)', 563, True),
    ('契約方式等', 565, True), ('入札者数 (応募者数)', 567, True), ('落札率', 570, True), ('5', 572, False),
    ('1 一般財団法人日本情報処理開発協会 5417825636545 機器の賃貸借', 574, False), ('2 株式会社日立製作所', 576, False),
    ('3804976315965 機器の賃貸借', 578, False), ('3', 580, False), ('随意契約(企画競争)', 582, False), ('2 その他', 585, False),
    ('-', 587, False), ('3', 589, False), ('3 静岡市', 591, False), ('計', 593, True), ('I.地方公共団体', 595, False),
    ('8000020221007 補助事業の実施', 597, False), ('1 補助金等交付 2', 599, False),
]


def rows_of(cells, block):
    rows, unread = payee_columns(cells)
    return [(r.rank, r.name, r.corporate_number, r.amount) for r in rows if r.block == block], unread


def test_individuals_dash_in_a_run_of_dashes_is_read_by_the_one_pairing():
    # rows 2 and 3 are individuals; pdfminer wrote row 3's dash in 「-」「-」「-」 with row 2's 入札者数 / 落札率;
    # the 計 19,170 is at the head of block B
    rows, unread = rows_of(INDIVIDUALS, "A")
    assert rows == [(1, "那覇市", "3000020472018", "6,296"), (2, "個人(C)", "-", "3,599"),
                    (3, "個人(C)", "-", "3,107"), (4, "神戸市", "9000020281000", "2,410"),
                    (5, "株式会社エヌ・ティ・ティ・データ", "5437313751879", "2,321"),
                    (6, "一般財団法人日本情報処理開発協会", "8378481142004", "1,437")]
    got = [r for r in payee_columns(INDIVIDUALS)[0] if r.block == "A"]
    assert all(r.description is None and r.contract_method is None for r in got)  # (whose cell: not established)


def test_individuals_left_unknown_when_two_pairings_fit():
    # row 1 no 地方公共団体 now (「個人(B)」, an ordinary 法人番号): that number may be row 1's, 2's or 3's
    cells = [("1 個人(B)", 217, False) if t == "1 那覇市" else
             ("7123456789012 データ整備及び分析業務", 227, False) if t.startswith("3000020472018") else (t, n, h)
             for t, n, h in INDIVIDUALS]
    rows, unread = rows_of(cells, "A")
    assert rows == [] and any(m.startswith("block A") for _, m in unread)


def test_pair_names_pure():
    names = ["那覇市", "個人(C)", "個人(C)", "神戸市", "株式会社エヌ・ティ・ティ・データ"]
    corps = ["3000020472018", "9000020281000", "5437313751879"]
    assert pair_names(names, corps, {}, set()) == [0, None, None, 1, 2]
    # a legal entity is no individual; a 地方公共団体's number goes with a 市 only
    assert pair_names(["株式会社日立製作所", "福岡市"], ["3000020401307"], {}, set()) is None
    # two individuals' names and one ordinary number: which of them holds it is not established
    assert pair_names(["個人(A)", "個人(B)", "富士通株式会社"], ["7123456789012", "2982935992394"], {}, set()) is None
    # ... unless the name was written in one cell with it
    assert pair_names(["個人(A)", "個人(B)", "富士通株式会社"], ["7123456789012", "2982935992394"], {1: 0},
                      set()) == [None, 0, 1]


def test_total_at_the_head_of_the_next_block_with_titles_out_of_order():
    # title B is written after D (out of order): C's 計 535 heads D's cells, F's 492 heads G's
    assert rows_of(NEXT_HEAD, "C")[0] == [(1, "仙台市", "8000020041009", "535")]
    assert rows_of(NEXT_HEAD, "F")[0] == [(1, "一般財団法人日本情報処理開発協会", "5486176353901", "492")]
    # E's title came right after B's title (no rows between): the rows under it may be another block's
    assert rows_of(NEXT_HEAD, "E")[0] == []


def test_total_at_the_head_is_not_taken_when_the_sum_differs():
    cells = [("536", 398, False) if (t, n) == ("535", 263) else (t, n, h) for t, n, h in NEXT_HEAD]
    assert rows_of(cells, "C")[0] == []


def test_amount_column_at_the_head_of_the_next_block():
    # reportlab print: block B's amounts 2 1 1 1 1 1, its 計 7 and six 契約方式 follow title C
    rows, _ = rows_of(HEAD_AMOUNTS, "B")
    assert rows == [(1, "株式会社三菱総合研究所", "3323986812548", "2"), (2, "個人(B)", "-", "1"),
                    (3, "個人(C)", "-", "1"), (4, "富士通株式会社", "2982935992394", "1"),
                    (5, "千葉市", "6000020121002", "1"), (6, "みずほリサーチ&テクノロジーズ株式会社", "9360382424119", "1")]


def test_amount_column_at_the_head_not_taken_when_it_does_not_add_up():
    cells = [("8", 360, False) if (t, n) == ("7", 360) else (t, n, h) for t, n, h in HEAD_AMOUNTS]
    assert rows_of(cells, "B")[0] == []


def title_cut(cells):
    """The section's items cut at each title (as payee_columns' title cut does for titles in order)."""
    out = []
    for text, line, header in cells:
        for it in pc._items(text, line, header):
            if it.kind == "title":
                out.append((it.text, []))
            elif out:
                out[-1][1].append(it)
    return out


def test_head_amount_reads_pure():
    def total(text, line):
        return pc.Item("total", text, line)
    got = head_amount_reads(title_cut(HEAD_AMOUNTS), set(), pc._block_of, total)
    assert [(r.block, r.rank, r.corporate_number, r.amount) for r in got] == [
        ("B", 1, "3323986812548", "2"), ("B", 2, "-", "1"), ("B", 3, "-", "1"), ("B", 4, "2982935992394", "1"),
        ("B", 5, "6000020121002", "1"), ("B", 6, "9360382424119", "1")]
    assert all(r.contract_method is None for r in got)  # (the 契約方式 column is not matched row by row)
    # one 契約方式 cell fewer than the amounts: the run is not a column of this block's amounts
    cells = [c for c in HEAD_AMOUNTS if c[:2] != ("補助金等交付", 377)]
    assert head_amount_reads(title_cut(cells), set(), pc._block_of, total) == []
    # a block read already is not read again
    assert head_amount_reads(title_cut(HEAD_AMOUNTS), {"B"}, pc._block_of, total) == []


def test_rows_continued_under_the_next_title():
    # block I's rows 5-7 (ranks 5, 6, 7) are written after title J, before J's rank 1; I's 計 231 among them;
    # the number 100 at I's head is the 計 of the block before
    rows, _ = rows_of(CONTINUED, "I")
    assert rows == [(1, "日本電気株式会社", "6342736676043", "64"), (2, "那覇市", "3000020472018", "56"),
                    (3, "一般財団法人日本情報処理開発協会", "4577002958517", "44"),
                    (4, "アクセンチュア株式会社", "6908478705198", "29"), (5, "KDDI株式会社", "6713353142034", "20"),
                    (6, "那覇市", "3000020472018", "11"), (7, "静岡市", "8000020221007", "7")]


def test_rows_continued_not_taken_when_ranks_skip():
    # the continued rows printed 6, 7 (no 5): they are not established as block I's
    cells = [("6", 766, False) if (t, n) == ("5", 766) else (t, n, h) for t, n, h in CONTINUED]
    assert rows_of(cells, "I")[0] == []


def test_one_row_block_with_two_amounts_is_unknown():
    # A's row, then B's row, then 「94」「随意契約(企画競争)」「2」「96%」「94」 (A's amount and 計) and
    # 「95」「随意契約(企画競争)」「-」「-」「95」 (B's): main read B as 那覇市 with A's 94
    rows, _ = rows_of(ONE_ROW_TWO_AMOUNTS, "B")
    assert rows == []
    assert rows_of(ONE_ROW_TWO_AMOUNTS, "C")[0] == [(1, "富士通株式会社", "2519470429945", "55")]


def test_title_right_after_another_title_does_not_take_the_rows_after_it():
    # titles 「D.」「E.」「G.」 written together, then E's four rows: main read them as G's
    rows, _ = rows_of(BUNCHED_TITLES, "G")
    assert all(r[2] not in ("2603856920296", "5545754235863", "6664498901494", "8000020041009") for r in rows)


def test_rank_cut_one_row_blocks_dropped_only_when_titles_are_out_of_order():
    from kg.extract.payee_columns import Column
    from kg.extract.payee_rescue import several_rows_only
    rows = [Column("H", 1, "日本電気株式会社", "2335454351646", "6,720", 10),
            Column("I", 1, "公益社団法人全国市町村研究会", "3521278344961", "3,329", 20),
            Column("J", 1, "神戸市", "9000020281000", "5,144", 30),
            Column("J", 2, "株式会社日立製作所", "1735406938419", "4,382", 32)]
    # titles A…F J G H I (as pdfminer wrote them): which one-row block is whose is not established
    assert [r.block for r in several_rows_only(rows, list("ABCDEFJGHI"))] == ["J", "J"]
    # titles in order: the rank cut's letters stand
    assert several_rows_only(rows, list("ABCDEFGHIJ")) == rows
