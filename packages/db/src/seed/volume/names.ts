/** Arabic names with the English spelling the same person would use, so both languages read naturally. */
type Pair = readonly [ar: string, en: string]

export const MALE_FIRST_NAMES: readonly Pair[] = [
  ['محمد', 'Mohammed'], ['أحمد', 'Ahmed'], ['عبدالله', 'Abdullah'], ['خالد', 'Khalid'], ['فهد', 'Fahad'],
  ['سعود', 'Saud'], ['عمر', 'Omar'], ['يوسف', 'Yousef'], ['إبراهيم', 'Ibrahim'], ['علي', 'Ali'],
  ['سلطان', 'Sultan'], ['ناصر', 'Nasser'], ['تركي', 'Turki'], ['فيصل', 'Faisal'], ['ماجد', 'Majed'],
  ['حسن', 'Hassan'], ['بندر', 'Bandar'], ['راشد', 'Rashed'], ['طارق', 'Tariq'], ['سامي', 'Sami'],
]

export const FEMALE_FIRST_NAMES: readonly Pair[] = [
  ['فاطمة', 'Fatimah'], ['نورة', 'Noura'], ['سارة', 'Sarah'], ['ريم', 'Reem'], ['هند', 'Hind'],
  ['لينا', 'Lina'], ['مريم', 'Maryam'], ['عائشة', 'Aisha'], ['دانة', 'Dana'], ['لمى', 'Lama'],
  ['جود', 'Joud'], ['منى', 'Mona'], ['هيا', 'Haya'], ['أمل', 'Amal'], ['ليلى', 'Layla'],
  ['رزان', 'Razan'], ['شهد', 'Shahad'], ['غادة', 'Ghada'], ['وعد', 'Waad'], ['هدى', 'Huda'],
]

export const LAST_NAMES: readonly Pair[] = [
  ['العتيبي', 'Al-Otaibi'], ['القحطاني', 'Al-Qahtani'], ['الغامدي', 'Al-Ghamdi'], ['الزهراني', 'Al-Zahrani'],
  ['الشهري', 'Al-Shehri'], ['الدوسري', 'Al-Dosari'], ['الحربي', 'Al-Harbi'], ['المطيري', 'Al-Mutairi'],
  ['العنزي', 'Al-Anazi'], ['السبيعي', 'Al-Subaie'], ['الشمري', 'Al-Shammari'], ['المالكي', 'Al-Malki'],
  ['البقمي', 'Al-Buqami'], ['الرشيدي', 'Al-Rashidi'], ['حداد', 'Haddad'], ['منصور', 'Mansour'],
  ['صالح', 'Saleh'], ['الأنصاري', 'Al-Ansari'], ['الهاشمي', 'Al-Hashemi'], ['النجار', 'Al-Najjar'],
]

export const CONSULTANT_TITLES: readonly Pair[] = [
  ['محامٍ', 'Lawyer'], ['مستشار قانوني', 'Legal Advisor'], ['مستشار أسري', 'Family Counsellor'],
  ['أخصائي نفسي', 'Psychologist'], ['مخطط مالي', 'Financial Planner'], ['محاسب قانوني', 'Chartered Accountant'],
  ['مستشار زواجي', 'Marriage Counsellor'], ['مدرب حياة', 'Life Coach'], ['مستشار ضريبي', 'Tax Advisor'],
]

export const REVIEW_COMMENTS: readonly Pair[] = [
  ['استشارة ممتازة', 'Excellent consultation.'], ['شرح واضح ومفيد', 'Clear and helpful.'],
  ['تأخر قليلاً في البداية', 'Started a little late.'], ['أنصح به بشدة', 'Highly recommended.'],
  ['كانت الجلسة قصيرة', 'The session felt short.'],
]
