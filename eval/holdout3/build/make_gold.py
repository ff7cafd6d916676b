"""Write ../gold.jsonl from the question table below (ids are numbered per language in order)."""
import json
from collections import Counter
from pathlib import Path

DA = "da_egelund_faq_familiesammenfoering.md"
SV = "sv_tallmora_sfi_schema_avgifter.html"
IS = "is_hraunvik_frett_islenskunam.html"
FI = "fi_koivuranta_tutkinnon_tunnustaminen.md"
EN = "en_koivuranta_recognition_of_qualifications.md"
ET = "et_vahtralinn_ajutine_kaitse.txt"
LV = "lv_ozolciems_pagaidu_aizsardziba.txt"
NB = "nb_fjellvik_introduksjonsprogram.docx"
CL = "en_fjellvik_first_90_days_checklist.pdf"
DE = "de_ostseebruecke_fachtag_anerkennung.docx"
SE = "sv_en_lindasa_bostad_nyanlanda.docx"
LT = "lt_alksnenai_ataskaita_2025.pdf"

# (lang, question, evidence, answer_keywords, answer, documents, value_kind)
# empty evidence => unanswerable; more than one distinct "country page" in documents => multi_document (set explicitly below)
Q = []
def q(lang, question, evidence, kw, answer, docs, vk, multi=False):
    Q.append(dict(lang=lang, question=question, evidence=evidence, kw=kw, answer=answer, docs=docs, vk=vk, multi=multi))

# ---- Egelund family reunification FAQ (da)
q("uk", "Скільки коштує подати заяву на возз'єднання з дружиною в Данії? Я живу в Егелунді.",
  ["betales et gebyr på 10.150 kr."], [["10.150", "10150", "10 150"]],
  "The fee for an application for spouse reunification in 2026 is DKK 10,150 (10.150 kr.). It must be paid before the application is sent and is normally not refunded if refused.", [DA], "money")
q("nb", "Hvor lang ventetid er det på en treromsleilighet i Egelund?",
  ["Ventetiden i Egelund er for tiden omkring 14 måneder for en treværelses lejlighed."], [["14"]],
  "About 14 months for a three-room flat in Egelund (the 20 months mentioned on the page is for the neighbouring municipality Skovbæk).", [DA], "duration")
q("pl", "Egelund integracja telefon e-mail",
  ["Telefon: 72 40 18 60\nE-mail: integration@egelund.dk"], [["72 40 18 60", "72401860"], ["integration@egelund.dk"]],
  "Egelund Integration Team: phone 72 40 18 60, e-mail integration@egelund.dk (Rådhustorvet 4, 6640 Egelund).", [DA], "contact")
q("ru", "Можно ли позвонить в интеграционную команду Эгелунда в пятницу?",
  ["torsdag kl. 13.00–17.30\nfredag: ingen telefontid"], [],
  "No. There are no telephone hours on Friday; you can call Monday–Wednesday 9.00–12.00 and Thursday 13.00–17.30.", [DA], None)
q("lt", "Ar grąžinamas šeimos susijungimo prašymo mokestis Danijoje, jei gaunu atsisakymą?",
  ["det bliver normalt ikke betalt tilbage, hvis du får afslag"], [],
  "Normally no: the fee is usually not paid back if the application is refused.", [DA], None)
q("et", "Kas Egelundi vald otsustab ise perekonna taasühinemise taotluse üle?",
  ["Det gør ikke kommunen.", "behandles af de statslige udlændingemyndigheder"], [],
  "No. Applications are decided by the state immigration authorities; the municipality only helps with the forms and with documents from the municipality, such as a declaration about your housing.", [DA], None)
q("de", "Wie viel kostet die dänische A1-Prüfung für meinen Ehepartner in Egelund?", [], [],
  "The page does not say. It only states that the spouse must pass a Danish test at level A1 within six months and that Egelund Sprogcenter offers free preparation courses; no fee for the test is given.", [DA], "money")
q("lv", "Cik maksā pieteikums ģimenes atkalapvienošanai ar vecākiem Dānijā?", [], [],
  "Not stated. The FAQ gives only the fee for spouse reunification (10.150 kr.) and says there is no fee for a child applying with a parent; reunification with parents is not covered.", [DA], "money")

# ---- Tallmora SFI timetable and fees (sv, html)
q("ar", "كم سعر كتاب دورة اللغة السويدية sfi في المسار الدراسي 2 في تالمورا؟",
  ["Kursbok, studieväg 2 och 3 | 395 kr | Köps i receptionen"], [["395"]],
  "395 kr, bought at the reception (the 450 kr on the page is the price in the neighbouring municipality Björkvik; in study path 1 the book is lent for free).", [SV], "money")
q("da", "telefonnummer Tallmora sfi",
  ["Telefon: 0171-48 20 00"], [["0171-48 20 00", "0171482000", "0171 48 20 00"]],
  "Tallmora Lärcenter: 0171-48 20 00, e-mail sfi@tallmora.se.", [SV], "contact")
q("pl", "W jakie dni i o której jest wieczorowy kurs SFI w Tallmora?",
  ["Kvällskurs, kurs C–D | tisdag och torsdag | 17.30–20.30 | Tallmora bibliotek"], [["tisdag"], ["torsdag"], ["17.30", "17:30"], ["20.30", "20:30"]],
  "The evening course (courses C–D) is on Tuesday and Thursday (tisdag och torsdag), 17.30–20.30, at Tallmora library.", [SV], "time")
q("en", "how do I sign up for SFI in Tallmora and what do I need to bring?",
  ["Du anmäler dig i receptionen eller via e-tjänsten", "Ta med id-handling och eventuella betyg från tidigare skolgång."], [],
  "Register at the reception of Tallmora Lärcenter or through the e-service \"Anmälan till vuxenutbildning\"; bring an ID document and any school certificates/grades you have.", [SV], None)
q("fi", "Onko SFI-opetus Tallmorassa ilmaista?",
  ["är kostnadsfri för dig som är folkbokförd i Tallmora kommun", "Själva undervisningen är gratis, men vissa delar kostar."], [],
  "Yes, the teaching is free for people registered as residents of Tallmora, but some things cost money, e.g. the course book for study paths 2 and 3 (395 kr) or a copy of a certificate (150 kr).", [SV], None)
q("sv", "När startar nya sfi-grupper i Tallmora? Kan man börja mitt i terminen?",
  ["Inskrivning sker hela året, men nya grupper startar den första måndagen varje månad."], [],
  "Registration is open all year; new groups start on the first Monday of every month.", [SV], None)
q("lt", "Kiek kainuoja SFI nacionalinis egzaminas Tallmoroje?", [], [],
  "The page does not give any price for an exam. It lists only the course book (0/395 kr), the inter-municipal fee (4 800 kr per term), a copy of the grade document (150 kr) and study visits (free).", [SV], "money")
q("fa", "کلاس عصر sfi در شهر Björkvik چه روزها و چه ساعتی است؟", [], [],
  "Not given. The page only mentions that Björkvik's own SFI school charges 450 kr for the course book; the evening course times (Tuesday and Thursday 17.30–20.30) are for Tallmora, not Björkvik.", [SV], "time")

# ---- Hraunvík news (is, html)
q("pl", "Ile osób uczestniczyło w kursach islandzkiego w Hraunvík w 2025 roku?",
  ["Alls luku 318 þátttakendur að minnsta kosti einu námskeiði árið 2025."], [["318"]],
  "318 participants completed at least one course in 2025 (256 in 2024).", [IS], "number")
q("uk", "Скільки коштує курс ісландської в Hraunvík? Українці теж платять?",
  ["Námskeiðsgjaldið er 19.500 kr. fyrir hvert námskeið.", "fólk frá Úkraínu sem fengið hefur dvalarleyfi á grundvelli mannúðarsjónarmiða greiða ekkert gjald"], [["19.500", "19500", "19 500"]],
  "The fee is 19.500 ISK per course, but people from Ukraine with a residence permit on humanitarian grounds (and people with international protection) pay nothing.", [IS], "money")
q("fi", "Montako osallistujaa Sandfellin islannin kursseilla oli vuonna 2025?",
  ["Í nágrannasveitarfélaginu Sandfelli sóttu 212 manns íslenskunámskeið árið 2025."], [["212"]],
  "212 people attended Icelandic courses in Sandfell in 2025.", [IS], "number")
q("ti", "ኣብ Hraunvík ናይ ቀዳም ክፍልታት ቋንቋ ኣይስላንድ ስለምንታይ ተወሲኹ?",
  ["Kvöldnámskeiðin fylltust fyrst, og þess vegna bætum við nú við hópum á laugardögum."], [],
  "Because the evening courses filled up first; people want to learn Icelandic when the course fits their working hours, so Saturday groups are being added.", [IS], None)
q("de", "Woher kommen die meisten Teilnehmer der Isländischkurse in Hraunvík?",
  ["Flestir þátttakendur koma frá Póllandi, Úkraínu og Filippseyjum."], [],
  "Most participants come from Poland, Ukraine and the Philippines.", [IS], None)
q("so", "Yaa bilaash ku qaadan kara koorsada luqadda Icelandic-ga ee Hraunvík?",
  ["Einstaklingar með alþjóðlega vernd og fólk frá Úkraínu sem fengið hefur dvalarleyfi á grundvelli mannúðarsjónarmiða greiða ekkert gjald."], [],
  "People with international protection and people from Ukraine who have a residence permit on humanitarian grounds pay no fee; many trade unions also refund a large part of the fee for others.", [IS], None)
q("ar", "كم عدد المشاركين في دورات اللغة الآيسلندية في ساندفيل عام 2024؟", [], [],
  "Not given. For Sandfell the article only gives 2025 (212 people); the 2024 figure (256) is for Hraunvík.", [IS], "number")
q("da", "Hvad koster islandskkurset i Sandfell?", [], [],
  "The article does not say. The fee 19.500 kr. is for Hraunvík's courses; for Sandfell only the number of participants in 2025 is given.", [IS], "money")

# ---- Koivuranta recognition (fi + en translation)
q("ar", "كم رسوم قرار الاعتراف بالشهادة لدى الوكالة الوطنية الفنلندية للتعليم؟",
  ["Opetushallituksen päätöksen käsittelymaksu on 366 euroa.", "The processing fee for a decision of the Finnish National Agency for Education is 366 euros."], [["366"]],
  "The processing fee is 366 euros; processing usually takes 1–4 months.", [FI, EN], "money")
q("nb", "hvor mange kan få støtte til oversettelse i Koivuranta i 2026?",
  ["Käännöskulujen tukea myönnetään vuonna 2026 enintään 80 henkilölle.", "In 2026 translation support is granted to a maximum of 80 people."], [["80"]],
  "At most 80 people in 2026 (up to 300 euros each, paid against a receipt).", [FI, EN], "number")
q("lt", "Iki kada veiks Osaamispolku projektas Koivurantoje?",
  ["se jatkuu 31.12.2027 asti", "runs until 31 December 2027"], [["31.12.2027", "31 December 2027"]],
  "Until 31 December 2027 (31.12.2027); it is funded by ESF+.", [FI, EN], "date")
q("uk", "Які документи треба додати до заяви про визнання диплому у Фінляндії?",
  ["tutkintotodistus alkuperäisellä kielellä\nopintosuoritusote tai arvosanaliite", "your degree certificate in the original language", "a copy of your passport or identity card"], [],
  "The degree certificate in the original language, the transcript of records or grade appendix, an official translation if the certificate is not in Finnish, Swedish or English, a copy of the passport or ID card, and proof of a name change if the name has changed.", [FI, EN], None)
q("nb", "Trenger jeg et vedtak om godkjenning av utdanningen for å jobbe som elektriker i Finland?",
  ["In regulated professions, such as nurse, teacher or electrician, you need an official decision before you can work.", "tarvitset virallisen päätöksen ennen kuin voit työskennellä"], [],
  "Yes. Electrician is a regulated profession, so you need an official decision before you can work.", [FI, EN], None)
q("et", "Mis juhtub, kui Soome tunnustamise otsus on negatiivne?",
  ["päätöksessä kerrotaan, millaisilla lisäopinnoilla voit saada pätevyyden", "the decision tells you which additional studies can give you the eligibility"], [],
  "The decision says which additional studies can give you the eligibility, and an Osaamispolku adviser helps you find suitable studies and apply for them.", [FI, EN], None)
q("lv", "Cik maksā oficiāls diploma tulkojums Somijā?", [], [],
  "The page does not give the price of a translation. It only says Osaamispolku can support translation costs with up to 300 euros per person.", [FI, EN], "money")
q("da", "Hvor mange fik oversættelsesstøtte fra Osaamispolku i 2025?", [], [],
  "Not stated. The page only gives the limit for 2026 (at most 80 people); no figure for 2025.", [FI, EN], "number")

# ---- Vahtralinn temporary protection (et, txt)
q("is", "Hvað er A1 eistneskunámskeiðið í Vahtralinn margar kennslustundir?",
  ["A1-taseme kursus: 120 akadeemilist tundi"], [["120"]],
  "120 academic hours (Monday and Wednesday 17.30–20.00).", [ET], "number")
q("ru", "Какая единоразовая помощь на ребёнка в Вахтралинне для беженцев из Украины?",
  ["alla 18-aastasele lapsele 100 eurot"], [["100"]],
  "100 euros per child under 18 (adults get 150 euros).", [ET], "money")
q("en", "vahtralinn social department opening hours friday",
  ["Lahtiolekuajad: E–N 9.00–16.00 R 9.00–13.00"], [["9.00", "9:00"], ["13.00", "13:00"]],
  "On Friday (R) the social department is open 9.00–13.00 (Monday–Thursday 9.00–16.00, closed at weekends).", [ET], "time")
q("lv", "Kur Vahtralinnā var reģistrēt dzīvesvietu?",
  ["Seda saab teha vallamajas või veebis."], [],
  "At the municipal building (vallamaja) or online; registration is free and usually takes 2 working days.", [ET], None)
q("nb", "Hvilke språk kan man få veiledning på i Vahtralinn?",
  ["Konsultatsioon toimub eesti, vene, ukraina ja inglise keeles."], [],
  "Estonian, Russian, Ukrainian and English.", [ET], None)
q("pl", "Jak długo czeka się na mieszkanie gminne w Vahtralinn?", [], [],
  "Not stated. The page says the municipality has 14 rental units for people with temporary protection, contracts of up to 12 months and a rent of 4,50 €/m², but gives no waiting time.", [ET], "duration")

# ---- Ozolciems temporary protection (lv, txt)
q("uk", "Скільки одноразова допомога для дорослого в Озолциемсі?",
  ["vienreizēju pabalstu: pieaugušajam 180 eiro"], [["180"]],
  "180 euros per adult (120 euros per child); apply within 2 months of declaring your residence.", [LV], "money")
q("fa", "شماره تلفن خدمات اجتماعی Ozolciems برای اوکراینی‌ها",
  ["Tālrunis: +371 6470 8812 E-pasts: ukraina@ozolciems.lv"], [["6470 8812", "64708812"]],
  "+371 6470 8812 (e-mail ukraina@ozolciems.lv).", [LV], "contact")
q("et", "Mitmeks kuuks sõlmitakse Ozolciemsis üürileping ajutise kaitse saajatega?",
  ["Īres līgumu slēdz uz laiku līdz 6 mēnešiem."], [["6"]],
  "For up to 6 months.", [LV], "duration")
q("ti", "ኣብ Ozolciems ድሕሪ ፍቓድ መንበሪ ምርካበይ እንታይ ክገብር ኣለኒ?",
  ["Pēc uzturēšanās atļaujas saņemšanas deklarē savu dzīvesvietu."], [],
  "Declare your place of residence (at the municipality or online); it is free and usually takes 1 working day, and it is needed for municipal benefits, a family doctor and a kindergarten place.", [LV], None)
q("sv", "Vilka språk kan man få rådgivning på i Ozolciems?",
  ["Konsultācijas notiek latviešu, krievu, ukraiņu un angļu valodā."], [],
  "Latvian, Russian, Ukrainian and English.", [LV], None)
q("lt", "Kiek kainuoja latvių kalbos B1 kursas Ozolciemse?", [], [],
  "Not stated. The page mentions only free A1 and A2 Latvian courses and a conversation club; no B1 course or price is given.", [LV], "money")

# ---- Vahtralinn vs Ozolciems (parallel pages)
q("fi", "Kumpi kunta maksaa Ukrainasta tulleelle aikuiselle enemmän kertaluonteista tukea, Vahtralinn vai Ozolciems?",
  ["ühekordset alustamistoetust: täiskasvanule 150 eurot", "vienreizēju pabalstu: pieaugušajam 180 eiro"], [["180"], ["150"]],
  "Ozolciems: 180 euros per adult, against 150 euros in Vahtralinn (30 euros more).", [ET, LV], "money", True)
q("sv", "Jämför hyran per kvadratmeter i kommunens bostäder för ukrainare i Vahtralinn och Ozolciems",
  ["Üür on 4,50 eurot ruutmeetri kohta kuus", "Īres maksa ir 3,20 eiro par kvadrātmetru mēnesī"], [["4,50", "4.50"], ["3,20", "3.20"]],
  "Vahtralinn: 4,50 euros per m² per month; Ozolciems: 3,20 euros per m² per month; utilities come on top in both.", [ET, LV], "money", True)
q("fa", "مهلت درخواست کمک یک‌باره در Vahtralinn و Ozolciems چقدر است؟ کدام کوتاه‌تر است؟",
  ["Toetust tuleb taotleda 3 kuu jooksul pärast elukoha registreerimist.", "Pabalsts jāpieprasa 2 mēnešu laikā pēc dzīvesvietas deklarēšanas."], [["3"], ["2"]],
  "Vahtralinn: within 3 months of registering the residence; Ozolciems: within 2 months of declaring the residence, so Ozolciems has the shorter deadline.", [ET, LV], "duration", True)
q("is", "Hversu margar íbúðir eru ætlaðar fólki með tímabundna vernd í Vahtralinn og í Ozolciems?",
  ["Vallal on 14 üüripinda, mis on mõeldud ajutise kaitse saajatele.", "Pašvaldībai ir 9 dzīvokļi, kas paredzēti pagaidu aizsardzības saņēmējiem."], [["14"], ["9"]],
  "14 in Vahtralinn and 9 in Ozolciems (23 together).", [ET, LV], "number", True)

# ---- Fjellvik introduction programme (nb, docx)
q("ar", "كم تبلغ منحة برنامج التعريف السنوية لمشارك عمره فوق 25 سنة في فييلفيك؟",
  ["Over 25 år | kr 260 360"], [["260 360", "260360", "260.360"]],
  "NOK 260 360 per year for participants over 25 (paid every 14 days); lower rates apply to those under 25.", [NB], "money")
q("so", "Imisa ayaa la siiyaa sanadkii qof ka yar 25 sano oo keligiis deggan, barnaamijka hordhaca Fjellvik?",
  ["Under 25 år, bor alene | kr 173 573"], [["173 573", "173573"]],
  "NOK 173 573 per year for a participant under 25 living alone.", [NB], "money")
q("da", "Hvor mange procent af deltagerne i Fjellvik var i arbejde eller uddannelse et år efter introduktionsprogrammet?",
  ["var 61 % i arbeid eller utdanning ett år etter avsluttet program"], [["61"]],
  "61 % of those who finished the programme in 2025 (the target for 2026 is 65 %).", [NB], "percent")
q("en", "What happens to my introduction benefit in Fjellvik if I'm absent without a valid reason?",
  ["Ugyldig fravær fører til trekk i stønaden, time for time."], [],
  "The benefit is reduced for invalid absence, hour by hour.", [NB], None)
q("is", "Hvað er innifalið í kynningaráætluninni (introduksjonsprogram) í Fjellvik?",
  ["opplæring i norsk, muntlig og skriftlig", "samfunnskunnskap, 80 timer på et språk du forstår", "arbeidspraksis i en bedrift eller i kommunen"], [],
  "An individual integration plan that can include Norwegian training (oral and written), 80 hours of social studies in a language you understand, life-skills and parenting courses, work practice, and subjects from primary or upper secondary school.", [NB], None)
q("fi", "Kuka voi osallistua Fjellvikin kotoutumisohjelmaan?",
  ["Du har rett og plikt til å delta hvis du er mellom 18 og 55 år"], [],
  "People aged 18–55 with a residence permit as a refugee, or family-reunified with a refugee, who are settled in Fjellvik by agreement with IMDi; people with temporary collective protection from Ukraine may get a shorter programme.", [NB], None)
q("de", "Wie viel Prozent der Teilnehmer in Fjellvik waren 2024 ein Jahr nach dem Programm in Arbeit oder Ausbildung?", [], [],
  "Not stated. The document gives only the result for those who finished in 2025 (61 %) and the 2026 target (65 %).", [NB], "percent")
q("ru", "Сколько часов норвежского языка входит в программу в Фьелльвике?", [], [],
  "Not stated. The document says Norwegian training is part of the plan but gives no number of hours; the 80 hours mentioned are for social studies (samfunnskunnskap).", [NB], "number")

# ---- Fjellvik checklist (en, pdf)
q("ti", "ኣብ ፊየልቪክ ሓገዝ ዕዮ-ገዛ ንቖልዑ መዓስ እዩ?",
  ["Homework help for children is on Thursdays from 15:00 to 17:00."], [["15:00", "15.00"], ["17:00", "17.00"]],
  "On Thursdays from 15:00 to 17:00.", [CL], "time")
q("fa", "در هفته اول زندگی در فییلویک چه کارهایی باید انجام دهم؟",
  ["Collect your keys and sign the rental contract with the refugee service.", "Ask the refugee service for your D-number or national identity number."], [],
  "Collect keys and sign the rental contract, check the smoke alarm and find the fuse box, get a Norwegian phone number (prepaid SIM about NOK 99), ask for your D-number or national identity number, and find the nearest grocery store, pharmacy and bus stop.", [CL], None)
q("de", "Was muss ich mitbringen, um in Fjellvik ein Bankkonto zu eröffnen?",
  ["Open a bank account; bring your residence card and the letter from the refugee service."], [],
  "Your residence card and the letter from the refugee service.", [CL], None)
q("ar", "كيف أسجل عند طبيب عام في فييلفيك؟",
  ["Register with a general practitioner (fastlege) through helsenorge.no."], [["helsenorge.no"]],
  "Register with a general practitioner (fastlege) through helsenorge.no, in weeks 2–4.", [CL], None)
q("is", "Hvað kostar tannlæknir fyrir fullorðna í Fjellvik?", [], [],
  "Not stated. The checklist only says dental care for adults is not free; no price is given.", [CL], "money")
q("so", "Immisa ayuu ku kacayaa BankID ee Norway?", [], [],
  "Not stated. The checklist only says to apply for BankID as soon as you have a bank account; no cost is given.", [CL], "money")

# ---- Fjellvik programme + checklist
q("en", "I'm new in Fjellvik – where is the refugee service office, and when does the volunteer language café meet?",
  ["Fjordgata 9, 8450 Fjellvik", "The language café is open every Tuesday from 17:00 to 19:00 in the library, Storgata 31."], [["Fjordgata 9"], ["17:00", "17.00"]],
  "The refugee service (Flyktningtjenesten) is at Fjordgata 9, 8450 Fjellvik; the Nordlys Welcome Network language café is every Tuesday 17:00–19:00 in the library, Storgata 31.", [NB, CL], "place", True)
q("pl", "Ile kosztuje miesięczny bilet autobusowy dla dorosłego w Fjellvik i jakie jest roczne stypendium programu dla osoby po 25 roku życia?",
  ["for adults it costs NOK 640", "Over 25 år | kr 260 360"], [["640"], ["260 360", "260360"]],
  "The adult monthly bus pass costs NOK 640; the introduction benefit for participants over 25 is NOK 260 360 per year.", [CL, NB], "money", True)

# ---- Ostsee-Brücke Fachtag (de, docx)
q("uk", "Скільки коштує участь у фахтагу Ostsee-Brücke? Для біженців безкоштовно?",
  ["Teilnahmegebühr | 45 EUR, ermäßigt 20 EUR für Studierende und Ehrenamtliche", "Für Geflüchtete und Menschen mit vorübergehendem Schutz ist die Teilnahme kostenlos."], [["45"]],
  "45 EUR (reduced 20 EUR for students and volunteers); free for refugees and people with temporary protection. Lunch and coffee are included.", [DE], "money")
q("et", "Mis kuupäeval toimub Ostsee-Brücke seminar Vahtralinnas?",
  ["Datum | Donnerstag, 23. April 2026"], [["23. April", "23 April"]],
  "Thursday, 23 April 2026 (23. April 2026), 9:30–16:00.", [DE], "date")
q("ar", "بأي لغات تُقدَّم ندوة الاعتراف المهني في فاهترالين؟ هل توجد ترجمة؟",
  ["Sprachen | Deutsch und Englisch, mit Simultanübersetzung ins Estnische"], [],
  "In German and English, with simultaneous interpretation into Estonian.", [DE], None)
q("ti", "ናይቲ ሰሚናር ኣብ Vahtralinn ተራኺቢት መን እያ፧ ቁጽሪ ቴሌፎን?",
  ["Ansprechpartnerin: Dr. Katrin Wendler Telefon: +372 5812 3344"], [["Katrin Wendler"], ["5812 3344", "58123344"]],
  "Dr. Katrin Wendler, phone +372 5812 3344, e-mail fachtag@ostsee-bruecke.org.", [DE], "contact")
q("nb", "Hvilke temaer har fagdagen om godkjenning av utdanning i Vahtralinn?",
  ["Im Mittelpunkt stehen Pflegeberufe, Lehrkräfte und das Handwerk."], [],
  "The focus is on nursing/care professions, teachers and skilled trades, with a comparison of recognition procedures in Estonia and Latvia and a panel with employers.", [DE], None)
q("lt", "Ar pietūs įskaičiuoti į seminaro Vahtralinne kainą?",
  ["Mittagessen und Kaffee sind in der Gebühr enthalten."], [],
  "Yes, lunch and coffee are included in the fee.", [DE], None)
q("sv", "Vad kostar parkering vid Kulturhaus Vahtralinn under fackdagen?", [], [],
  "Not stated. The invitation gives only the participation fee and travel information (five minutes' walk from the bus station); parking is not mentioned.", [DE], "money")
q("fi", "Montako osallistujaa Ostsee-Brücken seminaarissa oli vuonna 2025?", [], [],
  "Not stated. The invitation is for the event on 23 April 2026 with a limit of 80 places; it says nothing about a 2025 event.", [DE], "number")

# ---- Vahtralinn page + Fachtag
q("lv", "Vai Ostsee-Brücke seminārs notiek tajā pašā ielā, kur Vahtralinnas sociālā nodaļa?",
  ["Kulturhaus Vahtralinn, Saal B, Turu 12, Vahtralinn", "Turu 3, 61501 Vahtralinn"], [["Turu 12"], ["Turu 3"]],
  "Yes, both are on Turu street: the seminar is at the Kulturhaus, Turu 12, and the social department is at Turu 3.", [DE, ET], "place", True)

# ---- Lindåsa housing (sv + English summary, docx)
q("fa", "سهمیه پذیرش تازه‌واردان شهرداری لیندوسا برای سال ۲۰۲۶ چند نفر است؟",
  ["För år 2026 har Lindåsa kommun fått ett kommuntal på 34 personer.", "The municipality's quota for 2026 is 34 people."], [["34"]],
  "34 people in 2026 (in 2025 it was 52).", [SE], "number")
q("en", "lindåsa 2 room flat rent per month",
  ["2 rum och kök | 56 m² | 7 420 kr"], [["7 420", "7420"]],
  "About 7 420 kr per month for a two-room flat (56 m²) from Lindåsa Hem AB.", [SE], "money")
q("ru", "Какая была квота на приём беженцев в Линдосе в 2025 году?",
  ["År 2025 var kommuntalet 52 personer."], [["52"]],
  "52 people in 2025 (34 in 2026).", [SE], "number")
q("so", "Maxaan sameeyaa ka hor intaanan u guurin guriga Lindåsa?",
  ["teckna en hemförsäkring innan du flyttar in", "You must take out home insurance before moving in."], [],
  "Sign the lease at the Integration Unit and take out home insurance before moving in; afterwards report the move to the Tax Agency within a week and apply for housing allowance if your income is low.", [SE], None)
q("de", "Bekomme ich in Lindåsa eine Wohnung von der Gemeinde, wenn ich mir schon selbst eine Unterkunft besorgt habe?",
  ["men inte för den som själv har ordnat eget boende"], [],
  "No. The municipality arranges housing for people assigned to it, but not for those who have arranged their own housing.", [SE], None)
q("da", "Kan en andenhåndskontrakt i Lindåsa blive til en førstehåndskontrakt?",
  ["Efter två år kan kontraktet övergå till ett förstahandskontrakt", "can then become a first-hand contract if the rent has been paid on time"], [],
  "Yes. After two years the sublet contract can become a first-hand contract if the rent has been paid on time and the flat has been looked after.", [SE], None)
q("et", "Kui palju maksab Lindåsas 4-toaline korter?", [], [],
  "Not stated. The rent table lists only 1-, 2- and 3-room flats (5 650, 7 420 and 9 180 kr per month).", [SE], "money")
q("ar", "كم مبلغ إعانة السكن (bostadsbidrag) التي يمكن أن أحصل عليها في ليندوسا؟", [], [],
  "Not stated. The page only says to apply for housing allowance from Försäkringskassan if you have a low income; no amount is given.", [SE], "money")

# ---- Alksnėnai annual report (lt, pdf)
q("so", "Sidee loo codsadaa go'aanka aqoonsiga shahaadada dibadda laga qaatay ee Finland?",
  ["Päätöstä haetaan Opetushallitukselta sähköisellä lomakkeella.", "You apply to the Finnish National Agency for Education with an electronic form."], [],
  "You apply to the Finnish National Agency for Education (Opetushallitus) with an electronic form, attaching your certificate, transcript, an official translation if needed, a copy of your passport or ID, and proof of any name change. The fee is 366 euros.", [FI, EN], None)
q("uk", "Скільки українців з тимчасовим захистом було серед клієнтів центру в Алкснєнай у 2024 році?",
  ["Iš jų laikinąją apsaugą turintys ukrainiečiai 512 | 547"], [["512"]],
  "512 in 2024 (547 in 2025).", [LT], "number")
q("pl", "Jaki był budżet centrum integracji w Alksnėnai w 2025 roku?",
  ["Centro 2025 metų biudžetas buvo 386 400 EUR."], [["386 400", "386400"]],
  "386 400 EUR, 61 % from the AMIF (PMIF) fund, 27 % from the municipality and the rest from private sponsors.", [LT], "money")
q("lv", "Kāds bija kursu pabeigšanas rādītājs Alksnėnai integrācijas centrā?",
  ["Kursų baigimo rodiklis pakilo iki 78 %."], [["78"]],
  "The course completion rate rose to 78 % in 2025.", [LT], "percent")
q("ru", "В каких сферах чаще всего находили работу клиенты центра в Алкснєнай?",
  ["Daugiausia klientų įsidarbino logistikos, maisto pramonės ir socialinės priežiūros srityse."], [],
  "Mostly in logistics, the food industry and social care.", [LT], None)
q("is", "Hvað ætlar aðlögunarmiðstöðin í Alksnėnai að gera árið 2026?",
  ["planuoja atidaryti konsultavimo punktą Rūdiškėse ir pradėti A2 lygio kursus nuotoliniu būdu"], [],
  "It plans to open an advice point in Rūdiškės and to start A2-level courses online.", [LT], None)
q("sv", "Hur många kursdeltagare hade Alksnėnai-centret 2023?", [], [],
  "Not covered. The report gives figures only for 2024 (198 language course participants) and 2025 (263).", [LT], "number")
q("ti", "ማእከል Alksnėnai ኣብ 2024 ክንደይ ባጀት ነይሩዎ?", [], [],
  "Not stated. The report gives only the 2025 budget (386 400 EUR); no budget for 2024.", [LT], "money")

# ---- Alksnėnai + Ozolciems
q("da", "Hvilket A1-sprogkursus er længst: litauisk i Alksnėnai eller lettisk i Ozolciems?",
  ["Kiekvieną A1 lygio kursą sudaro 80 akademinių valandų.", "A1 līmeņa kurss: 100 akadēmiskās stundas"], [["80"], ["100"]],
  "The Latvian A1 course in Ozolciems is longer: 100 academic hours against 80 academic hours in Alksnėnai.", [LT, LV], "number", True)

LANGS = "da sv nb is fi et lv lt en de pl uk ru ar fa so ti".split()
out, counter = [], Counter()
for item in Q:
    counter[item["lang"]] += 1
    out.append({
        "id": f"H3-{item['lang']}-{counter[item['lang']]:02d}",
        "question": item["question"], "lang": item["lang"], "answerable": bool(item["evidence"]),
        "evidence": item["evidence"], "answer_keywords": item["kw"], "answer": item["answer"],
        "multi_document": item["multi"], "documents": item["docs"], "value_kind": item["vk"], "split": "test",
    })
path = Path(__file__).resolve().parent.parent / "gold.jsonl"
path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
print("questions", len(out), "unanswerable", sum(not o["answerable"] for o in out), "multi", sum(o["multi_document"] for o in out),
      "value", sum(o["value_kind"] is not None for o in out))
print(sorted(counter.items(), key=lambda kv: LANGS.index(kv[0])))
