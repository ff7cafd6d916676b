"""Writes eval/holdout2/gold.jsonl from the list below (one place to edit the questions).

Run:  /work/main/.venv/bin/python eval/holdout2/build/make_gold.py
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gold.jsonl"

TI = "tindrevik-introduksjonsprogram.html"
SK = "skovmarsk-integrationsprogram.md"
LU = "lumivaara-kotoutumisohjelma.docx"
TA = "tallmora-sfi-svenska-for-invandrare.txt"
OZ = "ozolmala-atbalsts-begliem.html"
OE = "ozolmala-support-for-refugees-en.html"
HR = "hrafnavik-fjolskyldusameining.md"
KA = "kadakaranna-ajutine-kaitse.pdf"
VE = "vejupis-kvalifikaciju-pripazinimas.docx"
GF = "skovmarsk-gastfamilien-ukraine.pdf"
EK = "ekvalla-bostad-nyanlanda.docx"
LM = "lumivaara-monikulttuuriyhdistys-kevat-2026.txt"
NA = "northern-amber-annual-report-2025.md"
NN = "tindrevik-frivilligsentral-nabo-til-nabo.txt"

ITEMS: list[dict] = []


def q(lang, question, docs, kind, answer, evidence=(), keywords=(), multi=False):
    """An answerable item."""
    ITEMS.append(dict(lang=lang, question=question, answerable=True, evidence=list(evidence),
                      answer_keywords=[list(g) for g in keywords], answer=answer, multi_document=multi,
                      documents=list(docs), value_kind=kind))


def u(lang, question, docs, kind, answer):
    """An unanswerable (but tempting) item: the fact is not stated in the documents."""
    ITEMS.append(dict(lang=lang, question=question, answerable=False, evidence=[], answer_keywords=[],
                      answer=answer, multi_document=False, documents=list(docs), value_kind=kind))


# ---------------------------------------------------------------- da
q("da", "Hvor meget får en deltager over 25 år i introduktionsstønad om måneden i Tindrevik kommune i Norge?",
  [TI], "money", "A participant over 25 receives 21 692 kr per month (260 300 kr per year), rates from 1 January 2026.",
  ["Over 25 år | 260 300 kr | 21 692 kr", "Satsene nedenfor gjelder fra 1. januar 2026."],
  [["21 692", "21692", "21.692", "21,692"]])
q("da", "Hvilken dag har Ukraine-kontoret i Skovmarsk helt lukket?",
  [GF], "time", "The Ukraine office is closed on Wednesdays.",
  ["Dienstag: 10.00–14.00 Mittwoch: geschlossen Donnerstag: 10.00–14.00 und 15.00–18.00"],
  [["Mittwoch", "onsdag", "Wednesday"]])
u("da", "Hvad er telefonnummeret til Sprogcenter Skovmarsk, hvis jeg vil flytte mit danskhold?",
  [SK], "contact", "Not stated: the page gives the language centre's address (Havnevej 11) but no phone number; only the Integration Team's number 74 28 61 40 is given.")
q("da", "Hvor længe gælder kommunens lejekontrakt for nyankomne flygtninge i Ekvalla i Sverige, og kan den forlænges?",
  [EK], "duration", "The municipal sublet contract runs for 24 months from moving in and cannot be extended.",
  ["Kontraktet gäller i 24 månader från inflyttningsdagen och kan inte förlängas."],
  [["24 månader", "24 måneder", "24 months"]])
q("da", "Hvem finansierer venskabsprojektet Ystäväksi Lumivaarassa, og med hvor mange penge?",
  [LM], "name", "The project is funded by Pohjoisen Kotoutumissäätiö with EUR 84,000 over three years.",
  ["Projektia rahoittaa Pohjoisen Kotoutumissäätiö 84 000 eurolla kolmen vuoden aikana."],
  [["Pohjoisen Kotoutumissäätiö"], ["84 000", "84000", "84.000", "84,000"]])
q("da", "skal jeg selv søge om at komme i integrationsprogrammet i Skovmarsk? hvordan foregår det",
  [SK], "", "No application is needed: you are called to a first meeting with the Integration Team within one month after the municipality takes over responsibility, then an integration contract is drawn up within three months.",
  ["Du skal ikke selv ansøge om at komme i programmet.",
   "Du bliver indkaldt til en første samtale i Integrationsteamet senest en måned efter"],
  [["en måned", "one month", "1 month"]])

# ---------------------------------------------------------------- sv
q("sv", "Vilka krav ställs för att bli volontärvän i projektet Ystäväksi Lumivaarassa?",
  [LM], "", "You must be at least 18, commit for at least six months, meet your friend about twice a month and attend a three-hour introduction before the first meeting.",
  ["Voit ryhtyä vapaaehtoiseksi ystäväksi, jos: - olet täyttänyt 18 vuotta", "sitoudut toimintaan vähintään kuudeksi kuukaudeksi",
   "osallistut kolmen tunnin perehdytykseen ennen ensimmäistä tapaamista"],
  [["18"], ["kuudeksi kuukaudeksi", "sex månader", "six months", "6 månader"]])
q("sv", "Hur mycket får en ensamstående flykting, 30 år eller äldre och utan barn, per månad i integrationsprogrammet i Skovmarsk?",
  [SK], "money", "6.840 kr per month before tax (rates from 1 January 2026).",
  ["Enlig, 30 år eller derover, uden børn | 6.840 kr."],
  [["6.840", "6840", "6 840", "6,840"]])
q("sv", "Jag bor i Ekvalla och har fått uppehållstillstånd. Hur lång är väntetiden till SFI här, och hur länge gäller bostadskontraktet jag får genom kommunen?",
  [TA, EK], "duration", "The SFI waiting time in Ekvalla is currently 7 weeks (Tallmora: about 3 weeks), and the municipal housing contract in Ekvalla runs for 24 months.",
  ["I grannkommunen Ekvalla är väntetiden för närvarande 7 veckor.",
   "Kontraktet gäller i 24 månader från inflyttningsdagen och kan inte förlängas."],
  [["7 veckor", "sju veckor", "7 weeks"], ["24 månader", "24 months"]], multi=True)
u("sv", "Hur många timmar SFI per vecka får man i Ekvalla kommun?",
  [TA], "number", "Not stated: the Tallmora page gives its own hours (15/12/6 hours) and only Ekvalla's waiting time (7 weeks), not Ekvalla's teaching hours.")
q("sv", "Var ligger det tillfälliga boendet som Ozolmala kommun erbjuder flyktingar?",
  [OZ, OE], "place", "In the “Priedes” hostel at Meža iela 12, free for up to 90 days.",
  ["bezmaksas pagaidu izmitināšanu līdz 90 dienām dienesta viesnīcā “Priedes”, Meža ielā 12.",
   "free temporary accommodation for up to 90 days in the “Priedes” hostel at Meža iela 12."],
  [["Priedes"], ["Meža iel", "Meža iela 12", "Meža ielā 12"]])
q("sv", "Vad är avgiften och handläggningstiden för att få en läkarexamen erkänd i Vėjupis?",
  [VE], "money", "For regulated health professions (doctor, nurse, dentist) the fee is EUR 62 and assessment takes up to 4 months.",
  ["Reglamentuojama sveikatos priežiūros profesija (gydytojas, slaugytojas, odontologas) | iki 4 mėnesių | 62 EUR"],
  [["62 EUR", "62 euro", "62 €", "EUR 62"], ["4 mėnesių", "4 månader", "4 months"]])
u("sv", "När skrivs de nationella proven i SFI under hösten 2026 i Tallmora?",
  [TA], "date", "Not stated: only the spring 2026 tests (week 21, 18–22 May 2026) are given.")

# ---------------------------------------------------------------- nb
q("nb", "Hvor mye får en familie på fire i startbidrag til møbler når de får bolig gjennom Ekvalla kommune?",
  [EK], "money", "Households of two or more people receive 16 000 kr once (single people 9 500 kr).",
  ["Ekvalla kommun betalar 9 500 kr till ensamstående och 16 000 kr till hushåll med två eller fler personer."],
  [["16 000", "16000", "16.000", "16,000"]])
q("nb", "Hvor mange timer språkundervisning i uka får man i introduksjonsprogrammet i henholdsvis Tindrevik, Skovmarsk og Lumivaara?",
  [TI, SK, LU], "number", "Tindrevik: 15 hours of Norwegian a week; Skovmarsk: 12 lessons of Danish a week; Lumivaara: 20 hours of Finnish a week.",
  ["Du får 15 timer norskundervisning i uken, fordelt på fem dager.",
   "Du får 12 lektioner dansk om ugen, fordelt på tre dage",
   "Opetusta on 20 tuntia viikossa neljänä päivänä."],
  [["15 timer", "15 hours"], ["12 lektioner", "12 lessons"], ["20 tuntia", "20 timer", "20 hours"]], multi=True)
u("nb", "Hvor mye er introduksjonsstønaden per måned i Kvitlandet kommune?",
  [TI], "money", "Not stated: the Tindrevik page gives only Tindrevik's rates; for Kvitlandet it only mentions 12 hours of Norwegian a week, a 2-month deadline and the service desk phone.")
q("nb", "Når er påmeldingsfristen til sykkelkurset for voksne hos Tindrevik frivilligsentral?",
  [NN], "date", "Registration closes on 10 April 2026; the course starts 18 April.",
  ["Påmelding til sykkelkurset innen 10. april 2026."],
  [["10. april 2026", "10. april", "10 April 2026", "2026-04-10"]])
q("nb", "Hvor foregår danskundervisningen for deltakere i integrasjonsprogrammet i Skovmarsk?",
  [SK], "place", "At Sprogcenter Skovmarsk, Havnevej 11.",
  ["Danskundervisningen foregår på Sprogcenter Skovmarsk, Havnevej 11."],
  [["Sprogcenter Skovmarsk"], ["Havnevej 11"]])
q("nb", "hva må en ukrainer ha med seg for å forlenge oppholdstillatelsen i Kadakaranna?",
  [KA], "", "A valid identity document (passport or ID card), the current residence permit card, one colour photo if applying on paper, and for minors the consent of both parents or proof of custody; the application must be made at least 2 months before expiry.",
  ["kehtivat isikut tõendavat dokumenti (pass või ID-kaart)",
   "ühte värvilist fotot, kui taotlus esitatakse paberil",
   "Pikendamise taotlus tuleb esitada vähemalt 2 kuud enne elamisloa lõppemist."],
  [["pass", "passport"]])

# ---------------------------------------------------------------- is
q("is", "Hvað kostar að sækja um dvalarleyfi fyrir barn yngra en 18 ára í fjölskyldusameiningu?",
  [HR], "money", "8.000 kr., with a usual processing time of up to 120 days.",
  ["Dvalarleyfi fyrir barn yngra en 18 ára | 8.000 kr. | allt að 120 dagar"],
  [["8.000", "8000", "8 000", "8,000"]])
q("is", "Hvað fær þátttakandi yngri en 25 ára sem býr einn í kynningarstyrk á mánuði í Tindrevik?",
  [TI], "money", "14 461 kr per month (173 533 kr per year).",
  ["Under 25 år, bor alene | 173 533 kr | 14 461 kr"],
  [["14 461", "14461", "14.461", "14,461"]])
u("is", "Á hvaða dögum er opið hús hjá félagsþjónustu Fálkastrandar?",
  [HR], "time", "Not stated: the page only says Fálkaströnd holds an open house once a month; the Tuesday/Thursday open house hours belong to the Hrafnavík centre.")
q("is", "Hversu lengi má flóttafólk búa frítt í bráðabirgðahúsnæði sveitarfélagsins í Ozolmala?",
  [OZ, OE], "duration", "Up to 90 days in the Priedes hostel (in Liepsala parish only up to 60 days).",
  ["Pašvaldība nodrošina bezmaksas pagaidu izmitināšanu līdz 90 dienām",
   "The municipality provides free temporary accommodation for up to 90 days"],
  [["90 dienām", "90 days", "90 daga", "90"]])
q("is", "Hvað gerist ef úkraínska fjölskyldan býr lengur en 9 mánuði hjá gestafjölskyldu í Skovmarsk?",
  [GF], "", "The family may stay, but after 9 months the municipality no longer pays the host family's compensation; the family can then look for its own flat through the municipality.",
  ["Ja, aber nach 9 Monaten zahlt die Kommune keine Aufwandsentschädigung mehr.",
   "Die Familie kann dann eine eigene Wohnung über die Kommune suchen."],
  [["9 Monaten", "9 mánuði", "9 months"]])
q("is", "Hvert er símanúmer Fjölmenningarseturs Hrafnavíkur og hver er ráðgjafinn í fjölskyldusameiningu?",
  [HR], "contact", "Phone 455 3120; the family reunification adviser is Sigríður Þórhallsdóttir.",
  ["Ráðgjafi í fjölskyldusameiningu: Sigríður Þórhallsdóttir", "Heimilisfang: Hafnargata 3, 2. hæð, 735 Hrafnavík Sími: 455 3120"],
  [["455 3120", "4553120"], ["Sigríður Þórhallsdóttir"]])

# ---------------------------------------------------------------- fi
q("fi", "Paljonko kotoutumistuen kulukorvaus on päivässä Lumivaarassa?",
  [LU], "money", "9,50 € per day (about 204 € a month); it is tax-free.",
  ["Kulukorvaus (matkat ja ruokailu) | 9,50 € | 204 €"],
  [["9,50", "9.50"]])
u("fi", "asun lumivaarassa ja minulla on kolme lasta, paljonko lapsikorotus on päivässä?",
  [LU], "money", "Not stated: the table gives the child supplement only for one child (5,90 €) and two children (8,65 €).")
q("fi", "Kuinka monta tuntia viikossa suomen kielen opetusta on Kaislajoen kotoutumisohjelmassa?",
  [LU], "number", "16 hours a week in Kaislajoki (Lumivaara itself has 20).",
  ["Kaislajoella suomen kielen opetusta on 16 tuntia viikossa"],
  [["16 tuntia", "16 hours", "16"]])
q("fi", "Milloin Tallmoran SFI:n kevään 2026 kansalliset kokeet pidetään?",
  [TA], "date", "In week 21, i.e. 18–22 May 2026.",
  ["Proven för våren 2026 skrivs vecka 21, det vill säga 18–22 maj 2026."],
  [["18–22 maj 2026", "18.–22.5.2026", "18.–22. toukokuuta 2026", "18-22 May 2026", "2026-05-18", "vecka 21", "viikko 21", "week 21"]])
q("fi", "Mihin asti Ukrainasta paenneiden tilapäiseen suojeluun perustuva oleskelulupa on voimassa Virossa (Kadakaranna) ja Tanskassa (Skovmarsk)?",
  [KA, GF], "date", "In Estonia until 4 March 2027; in Denmark (special act) until 17 March 2027.",
  ["Ajutise kaitse alusel antud elamisluba kehtib praegu kuni 4. märtsini 2027.",
   "Die Aufenthaltserlaubnis gilt derzeit bis zum 17. März 2027."],
  [["4. märtsini 2027", "4.3.2027", "4. maaliskuuta 2027", "4 March 2027", "2027-03-04"], ["17. März 2027", "17.3.2027", "17. maaliskuuta 2027", "17 March 2027", "2027-03-17"]],
  multi=True)
q("fi", "Kuka on Skovmarskin kunnan kotoutumistiimin yhteyshenkilö?",
  [SK], "name", "Mette Kjærgaard Holm, team leader of the Integration Team at Jobcenter Skovmarsk.",
  ["Kontaktperson: Mette Kjærgaard Holm, teamleder"],
  [["Mette Kjærgaard Holm", "Mette Kjaergaard Holm"]])

# ---------------------------------------------------------------- et
q("et", "Mitu uut osalejat oli Northern Amber võrgustiku Kadakaranna kontoril 2025. aastal?",
  [NA], "number", "312 new participants, of whom 241 from Ukraine.",
  ["Kadakaranna | Estonia | 312 | 241 | 58%"],
  [["312"]])
u("et", "Mitu uut osalejat oli Kadakaranna kontoril 2024. aastal?",
  [NA], "number", "Not stated: the report gives office figures only for 2025; for 2024 it gives only the network total (1,034).")
q("et", "Kui suur on eluasemetoetus Sõmerjõe vallas ja kui kaua seda makstakse?",
  [KA], "money", "In Sõmerjõe up to 250 euros a month for up to 3 months (Kadakaranna: up to 300 euros for up to 4 months).",
  ["Naabervallas Sõmerjõel on eluasemetoetus kuni 250 eurot kuus kuni 3 kuud."],
  [["250 eurot", "250 euros", "250 €", "250"], ["3 kuud", "3 months"]])
u("et", "Kui suur on ühekordne sissekolimistoetus Sõmerjõe vallas?",
  [KA], "money", "Not stated: the one-off moving-in allowance of 250 euros is Kadakaranna's; for Sõmerjõe only the housing allowance is mentioned.")
q("et", "Mis päeval ja mis kell toimub Lumivaara keelekohvik?",
  [LM], "time", "On Tuesdays 17.00–19.00 at the city library, Kirjastokatu 1.",
  ["Kielikahvila tiistaisin klo 17.00–19.00 kaupunginkirjastossa, Kirjastokatu 1."],
  [["17.00–19.00", "17:00–19:00", "17-19"], ["tiistai", "teisipäev", "Tuesday"]])
q("et", "Kes on Tindreviku pagulasteenistuse programmi nõustaja ja mis on tema telefon?",
  [TI], "contact", "Programme adviser Ingrid Solheim Haugen, phone 71 52 33 10.",
  ["Flyktningtjenesten i Tindrevik Programrådgiver: Ingrid Solheim Haugen", "Besøksadresse: Rådhusgata 7, 2. etasje, 9137 Tindrevik Telefon: 71 52 33 10"],
  [["Ingrid Solheim Haugen"], ["71 52 33 10", "71523310"]])

# ---------------------------------------------------------------- lv
q("lv", "Cik ilgi Liepsalas pagastā var dzīvot pagaidu izmitināšanā?",
  [OZ, OE], "duration", "In Liepsala parish accommodation is provided for up to 60 days at the Liepsala guesthouse (Ozolmala: 90 days).",
  ["Liepsalas pagastā izmitināšana tiek nodrošināta līdz 60 dienām Liepsalas pansijā, Ezera ielā 3.",
   "In Liepsala parish, accommodation is provided for up to 60 days at the Liepsala guesthouse"],
  [["60 dienām", "60 days", "60 dienas"]])
u("lv", "Kāds ir Liepsalas pagasta pārvaldes tālruņa numurs?",
  [OZ, OE], "contact", "Not stated: the page only says to contact the Liepsala parish administration; the numbers given are the Ozolmala Social Service (63 412 580) and the municipality switchboard in the footer.")
q("lv", "Kurā dienā un cikos notiek A2 latviešu valodas grupa Ozolmalā?",
  [OZ, OE], "time", "On Fridays 10.00–13.00 at Ozolmala Library, Brīvības iela 7.",
  ["A2 grupa | piektdiena | 10.00–13.00 | Ozolmalas bibliotēka, Brīvības ielā 7",
   "A2 group | Friday | 10.00–13.00 | Ozolmala Library, Brīvības iela 7"],
  [["piektdien", "Friday"], ["10.00–13.00", "10:00–13:00"]])
q("lv", "Cik maksā vienistabas dzīvokļa īre mēnesī Ekvallas pašvaldībā Zviedrijā?",
  [EK], "money", "5 240 kr per month for 1 room and kitchen (32–40 m²), heating and water included.",
  ["1 rum och kök | 32–40 m² | 5 240 kr | ensamstående"],
  [["5 240", "5240", "5.240", "5,240"]])
q("lv", "Cik jaunu dalībnieku Northern Amber tīklam bija Liepsalā 2025. gadā un cik no tiem bija sievietes (procentos)?",
  [NA], "number", "64 new participants in Liepsala, 63% of them women.",
  ["Liepsala (outreach point) | Latvia | 64 | 51 | 63%"],
  [["64"], ["63%", "63 %"]])
q("lv", "Kas man jādara pirmajās nedēļās pēc ierašanās Ozolmalas novadā?",
  [OZ, OE], "", "Register with the Social Service at Skolas iela 4 (bring your passport), declare your place of residence, register with a family doctor and, if looking for work, register with the employment service.",
  ["Piesakieties Ozolmalas novada Sociālajā dienestā, Skolas ielā 4.",
   "Deklarējiet savu dzīvesvietu novadā. To var izdarīt Valsts un pašvaldības vienotajā klientu apkalpošanas centrā",
   "Register with the Ozolmala Municipality Social Service at Skolas iela 4."],
  [["Skolas iel", "Skolas iela 4", "Skolas ielā 4"]])

# ---------------------------------------------------------------- lt
q("lt", "Pabėgau nuo karo ir neturiu diplomo. Ką galiu padaryti Vėjupyje, kad mano kvalifikacija būtų įvertinta?",
  [VE], "", "You can get a refugee qualifications passport: fill in a questionnaire, have an interview of about 2 hours with two assessors; it is issued within 3 months, valid for 5 years and free.",
  ["Jei dėl karo ar persekiojimo negalite pateikti diplomo, galite gauti pabėgėlio kvalifikacijų pasą.",
   "Pasas išduodamas per 3 mėnesius ir galioja 5 metus. Jis yra nemokamas."],
  [["kvalifikacijų pas", "qualifications passport"]])
u("lt", "Kokiomis valandomis Gintarupio seniūnija priima prašymus dėl vertimo išlaidų kompensacijos?",
  [VE], "time", "Not stated: the guide only says Gintarupis residents must apply to the Gintarupis eldership; the hours given are those of the Vėjupis centre.")
q("lt", "Kiek žmonių Northern Amber tinklas 2025 m. padėjo pateikti kvalifikacijų pripažinimo prašymus ir kokią dalį vertimo išlaidų kompensuoja Vėjupio savivaldybė?",
  [NA, VE], "number", "The network helped 187 people; Vėjupis reimburses 75% of certified translation costs, up to EUR 200 per person per year.",
  ["Our advisers helped 187 people submit applications for the recognition of foreign qualifications",
   "Vėjupio miesto savivaldybė kompensuoja 75 % patvirtinto vertimo išlaidų, bet ne daugiau kaip 200 EUR"],
  [["187"], ["75 %", "75%"]], multi=True)
q("lt", "Kokio lygio lietuvių kalbos reikia slaugytojui, norinčiam dirbti pagal profesiją?",
  [VE], "", "Nurses (and teachers) need level B1; doctors and dentists need B2.",
  ["Gydytojams ir odontologams reikalingas B2 lygis, slaugytojams ir mokytojams – B1 lygis."],
  [["B1"]])
q("lt", "Kada prasideda latvių kalbos kursai Ozolmaloje ir iki kada reikia užsiregistruoti?",
  [OZ, OE], "date", "Registration is open until 16 February 2026 and the courses start on 2 March 2026.",
  ["Pieteikšanās pavasara kursiem ir atvērta līdz 2026. gada 16. februārim, un kursi sākas 2. martā.",
   "Registration for the spring courses is open until 16 February 2026, and the courses start on 2 March."],
  [["16. februārim", "2026 m. vasario 16 d.", "vasario 16", "16 February 2026", "2026-02-16"], ["2. martā", "2026 m. kovo 2 d.", "kovo 2", "2 March", "2026-03-02"]])
q("lt", "Kas yra Hrafnavíko daugiakultūrio centro šeimų susijungimo konsultantė?",
  [HR], "name", "Sigríður Þórhallsdóttir.",
  ["Ráðgjafi í fjölskyldusameiningu: Sigríður Þórhallsdóttir"],
  [["Sigríður Þórhallsdóttir", "Sigridur Thorhallsdottir"]])

# ---------------------------------------------------------------- en
q("en", "What is the most the Skovmarsk municipality pays a host family per month for hosting Ukrainians?",
  [GF], "money", "At most 6.300 DKK per month per host family (2.100 DKK per adult, 1.050 DKK per child), for at most 9 months.",
  ["Höchstbetrag pro Gastfamilie | 6.300 DKK pro Monat"],
  [["6.300", "6300", "6,300", "6 300"]])
q("en", "When will the Northern Amber network open a full office in Liepsala?",
  [NA], "date", "On 1 September 2026, replacing the current outreach point.",
  ["We will open a full office in Liepsala on 1 September 2026, replacing the current outreach point."],
  [["1 September 2026", "September 1, 2026", "2026-09-01"]])
u("en", "What is Northern Amber Integration Network's total budget for 2026?",
  [NA], "money", "Not stated: the report gives 2025 income (EUR 1,184,600) and expenditure, and a 2026 participant target, but no 2026 budget.")
q("en", "How long is the summer break in the Lumivaara integration programme in 2026?",
  [LU], "duration", "Six weeks, from 15 June to 26 July 2026.",
  ["Kesällä opetuksessa on kuuden viikon tauko, joka on vuonna 2026 15.6.–26.7.2026."],
  [["kuuden viikon", "six weeks", "6 weeks"], ["15.6.–26.7.2026", "15 June", "2026-06-15"]])
q("en", "what share of mentees were in work or training 6 months after mentoring in 2024?",
  [NA], "percent", "36% in 2024 (41% in 2025).",
  ["Participants in work or training 6 months after mentoring | 36% | 41%"],
  [["36%", "36 %", "36 per cent"]])
q("en", "I'm comparing municipal housing support for Ukrainians: what is the maximum monthly housing benefit and for how long is it paid in Kadakaranna (Estonia) and in Ozolmala (Latvia)?",
  [KA, OZ, OE], "money", "Kadakaranna: up to 300 euros a month for up to 4 months; Ozolmala: up to EUR 120 a month for no more than 6 months.",
  ["Eluasemetoetus | kuni 300 eurot kuus, kuni 4 kuud",
   "Dzīvokļa pabalsts | līdz 120 EUR mēnesī, ne ilgāk kā 6 mēnešus",
   "Housing benefit | up to EUR 120 per month, for no more than 6 months"],
  [["300 eurot", "300 euros", "EUR 300"], ["4 kuud", "4 months"], ["120 EUR", "EUR 120"], ["6 months", "6 mēnešus"]], multi=True)
q("en", "Which family members can a refugee living in Hrafnavík bring to Iceland through family reunification?",
  [HR], "", "A spouse or cohabiting partner (cohabitation of at least two years), unmarried children under 18 in their custody, parents aged 67 or older, and an adult child who cannot support themselves due to illness or disability.",
  ["maka eða sambúðarmaka, ef sambúðin hefur staðið í að minnsta kosti tvö ár",
   "börn yngri en 18 ára sem eru ógift og í þinni forsjá",
   "foreldra sem eru 67 ára eða eldri"],
  [["67"], ["18"]])

# ---------------------------------------------------------------- de
q("de", "Wie hoch ist der Dänischbonus in Skovmarsk und wann bekommt man ihn?",
  [SK], "money", "1.575 kr. per month once you have passed Prøve i Dansk 2 or a higher Danish test.",
  ["Når du har bestået Prøve i Dansk 2 eller en højere danskprøve", "får du desuden en danskbonus på 1.575 kr. pr. måned."],
  [["1.575", "1575", "1 575", "1,575"]])
u("de", "Wie viel Kindergeld pro Quartal bekommen Vertriebene aus der Ukraine in Skovmarsk?",
  [GF], "money", "Not stated: the guide only says child benefit is paid quarterly, without an amount.")
q("de", "Wann ist der nächste Einführungsabend für neue Ehrenamtliche beim Freiwilligenzentrum Skovmarsk?",
  [GF], "date", "On 5 March 2026 at 18.30 (the following one on 7 May 2026).",
  ["Die nächsten Einführungsabende finden am 5. März und am 7. Mai 2026 jeweils um 18.30 Uhr statt."],
  [["5. März", "5 March", "2026-03-05", "05.03.2026"]])
q("de", "Wie viele Unterrichtsstunden hat der kostenlose Lettischkurs A1 in Ozolmala?",
  [OZ, OE], "number", "120 academic hours (the A2 course has 80).",
  ["A1 līmeņa kurss ilgst 120 akadēmiskās stundas",
   "The A1 course lasts 120 academic hours and the A2 course 80 academic hours."],
  [["120"]])
q("de", "Wann hat die Wohnungsstelle (Bostadsenheten) in Ekvalla donnerstags geöffnet?",
  [EK], "time", "On Thursdays 9.00–12.00 and 13.00–18.00 (open house, no appointment needed).",
  ["Onsdag: stängt Torsdag: 9.00–12.00 och 13.00–18.00"],
  [["9.00–12.00", "9:00–12:00"], ["13.00–18.00", "13:00–18:00"]])
q("de", "Was kostet in Island (Hrafnavík) der Antrag auf Familienzusammenführung für den Ehepartner und wie lange dauert die Bearbeitung?",
  [HR], "money", "16.000 kr.; processing usually takes up to 180 days.",
  ["Dvalarleyfi fyrir maka eða sambúðarmaka | 16.000 kr. | allt að 180 dagar"],
  [["16.000", "16000", "16 000"], ["180 dagar", "180 Tage", "180 days"]])
q("de", "Welche Voraussetzungen muss man erfüllen, um in Skovmarsk Gastfamilie für Vertriebene zu werden?",
  [GF], "", "Provide a room of at least 10 m² with a window, give access to kitchen, bathroom and washing machine, present a police certificate for all adult household members and take part in a home visit by the Ukraine office.",
  ["ein eigenes Zimmer von mindestens 10 m² mit Fenster zur Verfügung stellen",
   "ein Führungszeugnis für alle erwachsenen Haushaltsmitglieder vorlegen",
   "an einem Hausbesuch durch das Ukraine-Büro teilnehmen"],
  [["10 m²", "10 m2"]])

# ---------------------------------------------------------------- pl
q("pl", "Jak uzyskać zwrot kosztów tłumaczenia dyplomu w Vėjupis i do kiedy trzeba złożyć wniosek?",
  [VE], "", "Order the translation and keep the invoice, fill in an application at the migrant information centre or by email within 6 months of the invoice date; the money is paid within 20 working days. Vėjupis refunds 75%, at most EUR 200 a year.",
  ["Pateikite prašymą ne vėliau kaip per 6 mėnesius nuo sąskaitos datos.",
   "Užsisakykite vertimą bet kuriame vertimų biure ir pasilikite sąskaitą faktūrą."],
  [["6 mėnesius", "6 miesięcy", "6 months"]])
q("pl", "Ile wynosi jednorazowy zasiłek na pierwsze potrzeby dla dziecka w gminie Ozolmala?",
  [OZ, OE], "money", "EUR 150 per child (EUR 200 per adult), for people who arrived within the last 30 days.",
  ["200 EUR pieaugušajam, 150 EUR bērnam", "EUR 200 per adult, EUR 150 per child"],
  [["150 EUR", "EUR 150", "150 euro"]])
u("pl", "Ile miesięcznie dostaje samotny rodzic w programie integracyjnym w gminie Kærsø?",
  [SK], "money", "Not stated: the Skovmarsk page gives Skovmarsk's rate for single parents (12.980 kr.), and for Kærsø only mentions 15 lessons a week and the jobcentre phone.")
q("pl", "Pracuję na dzień w Tallmorze. Kiedy i gdzie jest wieczorny kurs SFI?",
  [TA], "time", "Mondays and Wednesdays 17.30–20.30 at Lärcentrum, Kyrkogatan 8.",
  ["Dagundervisningen är i Lärcentrum, Kyrkogatan 8, andra våningen.",
   "Kvällskursen hålls i samma lokaler måndag och onsdag klockan 17.30–20.30."],
  [["17.30–20.30", "17:30–20:30"], ["måndag", "poniedziałek", "Monday"]])
u("pl", "Jaki odsetek podopiecznych programu mentoringowego Northern Amber pracował 6 miesięcy po mentoringu w 2023 roku?",
  [NA], "percent", "Not stated: the report gives the rate only for 2024 (36%) and 2025 (41%).")
q("pl", "Kto jest dyrektorem wykonawczym Northern Amber Integration Network?",
  [NA], "name", "Andris Vītols (the chair of the board is Marta Ozoliņa).",
  ["Northern Amber Integration Network – head office Executive Director: Andris Vītols"],
  [["Andris Vītols", "Andris Vitols"]])
q("pl", "Jaki jest numer telefonu do Centrum Informacji dla Migrantów w Vėjupis?",
  [VE], "contact", "+370 645 21 873 (consultant Rūta Vaitkevičiūtė).",
  ["Adresas: Laisvės g. 18, LT-44271 Vėjupis Tel. +370 645 21 873"],
  [["+370 645 21 873", "645 21 873", "37064521873"]])

# ---------------------------------------------------------------- uk
q("uk", "Я з України, живу в Сковмарську, мені 34 роки, дітей немає, роботи поки нема. Скільки грошей на місяць я отримую від комуни?",
  [GF, SK], "money", "Displaced Ukrainians get the same self-support benefit as other refugees; for a single person aged 30+ without children that is 6.840 kr a month before tax.",
  ["dieselbe Selbstversorgungs- und Heimreiseleistung wie andere Flüchtlinge, solange sie keine Arbeit haben",
   "Enlig, 30 år eller derover, uden børn | 6.840 kr."],
  [["6.840", "6840", "6 840", "6,840"]], multi=True)
q("uk", "До якого числа дійсний дозвіл на проживання за тимчасовим захистом у Кадакаранні (Естонія)?",
  [KA], "date", "Until 4 March 2027; extension must be applied for at least 2 months before expiry.",
  ["Ajutise kaitse alusel antud elamisluba kehtib praegu kuni 4. märtsini 2027."],
  [["4. märtsini 2027", "4 березня 2027", "4 March 2027", "2027-03-04", "04.03.2027"]])
q("uk", "коли і де вечірня група естонської мови А1 в Кадакаранні?",
  [KA], "time", "Tuesdays and Thursdays 17.30–20.30 at Kadakaranna Gümnaasium.",
  ["A1 õhturühm | teisipäev ja neljapäev 17.30–20.30 | Kadakaranna Gümnaasium"],
  [["17.30–20.30", "17:30–20:30"], ["teisipäev", "вівторок", "Tuesday"]])
u("uk", "До якого числа можна зареєструватися на осінні курси естонської мови в Кадакаранні?",
  [KA], "date", "Not stated: only the spring courses are given (start 6 April 2026, registration until 27 March 2026).")
q("uk", "Скільки триває окрема програма інтеграції для українців у Луміваарі?",
  [LU], "duration", "9 months, with a work-life period from the first month; it cannot be extended.",
  ["Tämä ohjelma kestää 9 kuukautta, ja siihen kuuluu työelämäjakso jo ensimmäisestä kuukaudesta alkaen."],
  [["9 kuukautta", "9 місяців", "9 months"]])
q("uk", "Хто координаторка для українців у Сковмарську і який у неї номер телефону?",
  [GF], "contact", "Ukraine coordinator Birgitte Lund Sørensen, phone 74 28 61 55.",
  ["Skovmarsk Kommune, Ukraine-Büro Ukraine-Koordinatorin: Birgitte Lund Sørensen",
   "Adresse: Torvegade 22, 6393 Skovmarsk Telefon: 74 28 61 55"],
  [["Birgitte Lund Sørensen", "Birgitte Lund Sorensen"], ["74 28 61 55", "74286155"]])
q("uk", "Чи компенсують в Озолмалі проїзд на курси латиської? Скільки?",
  [OZ, OE], "money", "Yes, EUR 20 per month for course participants who live more than 5 km from the course venue.",
  ["Transporta kompensācija valodas kursiem | 20 EUR mēnesī",
   "Travel allowance for language courses | EUR 20 per month"],
  [["20 EUR", "EUR 20"]])

# ---------------------------------------------------------------- ru
q("ru", "Сколько составляет школьное пособие в волости Кадакаранна и когда его платят?",
  [KA], "money", "100 euros for every pupil in grades 1–12, paid on 1 September.",
  ["Koolitoetus | 100 eurot | igale 1.–12. klassi õpilasele 1. septembril"],
  [["100 eurot", "100 евро", "100 euros", "EUR 100"]])
u("ru", "Кто координирует языковое кафе в Кайслайоки и какой у него телефон?",
  [LM], "contact", "Not stated: the bulletin only says Kaislajoki's café meets on Thursdays 16.00–18.00 and is run by Kaislajoen Kyläyhdistys; no coordinator or phone is given.")
q("ru", "Сколько Сковмарск платит принимающей семье в месяц за ребёнка?",
  [GF], "money", "1.050 DKK per month per child under 18.",
  ["Pro Kind unter 18 Jahren | 1.050 DKK pro Monat"],
  [["1.050", "1050", "1 050", "1,050"]])
u("ru", "Сколько стоит ДНК-тест для воссоединения семьи в Храфнавике, если родство не подтвердится?",
  [HR], "money", "Not stated: the page only says the state pays for the DNA test if it confirms the family relationship.")
q("ru", "Когда в Вейюписе консультации по признанию дипломов на русском языке?",
  [VE], "time", "On Tuesdays 10.00–13.00 (Ukrainian and Russian); Lithuanian and English on Thursdays 14.00–18.00.",
  ["o ukrainiečių ir rusų kalbomis – antradieniais nuo 10.00 iki 13.00."],
  [["antradieniais", "вторник", "Tuesday"], ["10.00", "10:00"]])
q("ru", "Какой процент решений о признании квалификации в 2025 году был положительным (Northern Amber)?",
  [NA], "percent", "64% of the decisions were positive or partly positive.",
  ["64% of the decisions received in 2025 were positive or partly positive."],
  [["64%", "64 %"]])
q("ru", "До скольки работает социальная служба Озолмалы в четверг?",
  [OZ, OE], "time", "On Thursdays 8.30–18.00; a Ukrainian interpreter is present 14.00–18.00.",
  ["Trešdiena: klientus nepieņem Ceturtdiena: 8.30–18.00", "Wednesday: no reception Thursday: 8.30–18.00"],
  [["18.00", "18:00"]])

# ---------------------------------------------------------------- ar
q("ar", "كم مدة برنامج التعريف في تيندريفيك إذا كان هدفي إكمال الثانوية؟",
  [TI], "duration", "Up to 4 years for completing upper secondary education.",
  ["Fullført videregående opplæring | inntil 4 år | 4 år"],
  [["4 år", "4 سنوات", "4 years", "inntil 4 år"]])
q("ar", "كيف أسجّل في مشروع Nabo til nabo في تيندريفيك؟",
  [NN], "", "Sign up with the volunteer coordinator by phone, email or by dropping in; after a short talk you are matched with a neighbour, usually within four weeks, and the first meeting is at the volunteer centre with the coordinator.",
  ["Du melder deg på hos frivillighetskoordinatoren på telefon, e-post eller ved å komme innom.",
   "Vi setter deg sammen med en nabo som passer, vanligvis innen fire uker."],
  [["fire uker", "4 weeks", "four weeks", "أربعة أسابيع"]])
u("ar", "كم كانت إعانة برنامج التعريف الشهرية للمشارك فوق 25 سنة في تيندريفيك في سنة 2025؟",
  [TI], "money", "Not stated: only the rates from 1 January 2026 are given (21 692 kr a month).")
q("ar", "بدي جيب مرتي على هرافنافيك، خلال كم يوم لازم قدّم الطلب حتى ما يطلبوا مني إثبات دخل؟",
  [HR], "duration", "Within 90 days of being granted protection; then no proof of income or housing is required.",
  ["Ef umsókn er lögð fram innan 90 daga frá því að vernd var veitt", "þarf ekki að sýna fram á framfærslu eða húsnæði."],
  [["90 daga", "90 days", "90 يوم", "90"]])
q("ar", "متى يفتح فريق الاندماج في سكوفمارسك يوم الخميس؟",
  [SK], "time", "On Thursdays 9.00–17.00.",
  ["Mandag: 9.00–14.00 Tirsdag: 9.00–14.00 Onsdag: lukket Torsdag: 9.00–17.00"],
  [["9.00–17.00", "9:00–17:00"]])
q("ar", "مين بيقدر يشارك ببرنامج التعريف (introduksjonsprogrammet) في تيندريفيك؟",
  [TI], "", "Adults aged 18–55 at settlement who have a residence permit as a refugee or are reunited with a refugee, are settled in Tindrevik by agreement with the state, and need basic qualification; those 56–67 can apply but have no right to a place.",
  ["er mellom 18 og 55 år gammel når du blir bosatt i kommunen",
   "har fått oppholdstillatelse som flyktning, eller er familiegjenforent med en flyktning"],
  [["18"], ["55"]])
q("ar", "كم أقصى مبلغ تساعد فيه جمعية فيغفيسير بتذاكر الطيران للعائلة في هرافنافيك؟",
  [HR], "money", "At most 150.000 kr per family, granted once.",
  ["Styrkurinn er að hámarki 150.000 kr. fyrir hverja fjölskyldu og er veittur einu sinni."],
  [["150.000", "150000", "150 000", "150,000"]])

# ---------------------------------------------------------------- fa
q("fa", "در تالمورا، کلاس SFI برای کسی که تحصیلات دانشگاهی دارد چند ساعت در هفته است؟",
  [TA], "number", "Study path 3 (long schooling or university) has 12 hours a week.",
  ["Studieväg 3 | C, D | lång skolbakgrund eller högskoleutbildning | 12 timmar"],
  [["12 timmar", "12 ساعت", "12 hours", "۱۲ ساعت"]])
q("fa", "شماره تلفن مشاور تحصیلی SFI در تالمورا چیه؟",
  [TA], "contact", "Study and career adviser Amira Lindqvist, phone 0581-473 12.",
  ["Studie- och yrkesvägledare: Amira Lindqvist", "Besöksadress: Kyrkogatan 8, 716 30 Tallmora Telefon: 0581-473 12"],
  [["0581-473 12", "058147312", "0581 473 12"]])
u("fa", "اجاره یک آپارتمان دو اتاقه در تالمورا چقدر است؟",
  [EK], "money", "Not stated: the housing page gives Ekvalla's rents (2 rooms 6 980 kr); for Tallmora it only says contracts run 36 months.")
q("fa", "برای ثبت‌نام در کلاس SFI در تالمورا چه کار باید بکنم؟",
  [TA], "", "Fill in the application on the municipality's website or a paper form at Lärcentrum, attach a copy of your residence permit card or ID card, attend an assessment interview within two weeks (interpreter available), then receive a letter with study path, start date and schedule.",
  ["Fyll i anmälan på kommunens webbplats eller hämta en pappersblankett i receptionen på Lärcentrum.",
   "Bifoga en kopia av ditt uppehållstillståndskort eller ditt ID-kort."],
  [["två veckor", "دو هفته", "two weeks", "2 weeks"]])
q("fa", "اگر از طریق کمون اکوالا خانه بگیرم، باید ودیعه (دپوزیت) بدهم؟",
  [EK], "", "No, you do not have to pay a deposit when you get housing through the municipality.",
  ["du behöver inte betala någon deposition när du får bostad genom kommunen."],
  [["inte betala någon deposition", "no deposit", "not have to pay a deposit", "بدون ودیعه", "ودیعه لازم نیست"]])
q("fa", "چند درصد از شرکت‌کنندگان جدید Northern Amber در Sõmerjõe زن بودند؟",
  [NA], "percent", "61% of the 97 new participants at the Sõmerjõe outreach point were women.",
  ["Sõmerjõe (outreach point) | Estonia | 97 | 80 | 61%"],
  [["61%", "61 %", "۶۱٪"]])
q("fa", "مبلغ ماهانه کمک هزینه برای یک فرد مجرد بالای ۳۰ سال در برنامه ادغام تیندرویک (نروژ) و اسکوومارسک (دانمارک) چقدر است؟",
  [TI, SK], "money", "Tindrevik (over 25): 21 692 kr a month; Skovmarsk (single, 30 or over, no children): 6.840 kr a month.",
  ["Over 25 år | 260 300 kr | 21 692 kr", "Enlig, 30 år eller derover, uden børn | 6.840 kr."],
  [["21 692", "21692", "21.692"], ["6.840", "6840", "6 840"]], multi=True)

# ---------------------------------------------------------------- so
q("so", "Lacagta barnaamijka Tindrevik goorma ayaa la bixiyaa bil kasta?",
  [TI], "date", "On the 20th of each month, in arrears; it is taxable.",
  ["Stønaden er skattepliktig og utbetales den 20. hver måned, etterskuddsvis."],
  [["20. hver måned", "20-ka bil kasta", "the 20th of each month", "20th"]])
q("so", "Xafiiska Flyktningtjenesten ee Tindrevik xagee ku yaal?",
  [TI], "place", "Rådhusgata 7, 2nd floor, 9137 Tindrevik.",
  ["Besøksadresse: Rådhusgata 7, 2. etasje, 9137 Tindrevik"],
  [["Rådhusgata 7", "Radhusgata 7"]])
u("so", "Immisa ayuu yahay lacagta kotoutumistuki ee Kaislajoki maalintii?",
  [LU], "money", "Not stated: the Lumivaara page gives only Lumivaara's rates (e.g. 38,15 € a day); for Kaislajoki it only gives 16 hours of Finnish a week and the phone number.")
q("so", "sideen u codsadaa barnaamijka is-dhexgalka ee Lumivaara?",
  [LU], "", "Book an initial assessment with the integration services within two months of getting Lumivaara as your municipality of residence; an integration plan is made within a month after the assessment, and you get a written decision.",
  ["Varaa aika alkukartoitukseen kotoutumispalveluista kahden kuukauden kuluessa siitä, kun olet saanut kotikunnan Lumivaarasta.",
   "Kotoutumissuunnitelma laaditaan yhdessä ohjaajasi kanssa viimeistään kuukauden kuluttua alkukartoituksesta."],
  [["kahden kuukauden", "two months", "2 months", "laba bilood"]])
q("so", "Hrafnavík, immisa maalmood ayay qaadataa codsiga sharciga deganaanshaha ee ilmaha ka yar 18 sano?",
  [HR], "duration", "Usually up to 120 days (fee 8.000 kr).",
  ["Dvalarleyfi fyrir barn yngra en 18 ára | 8.000 kr. | allt að 120 dagar"],
  [["120 dagar", "120 days", "120 maalmood", "120"]])
u("so", "Immisa ayuu yahay kirada guri 5 qol ah oo Ekvalla ah bishii?",
  [EK], "money", "Not stated: the rent table stops at 4 rooms and kitchen (10 150 kr).")

# ---------------------------------------------------------------- ti
q("ti", "ኣብ ቲንድረቪክ ናይ ኖርወይ ቋንቋ ትምህርቲ ኣበይ እዩ ዝወሃብ?",
  [TI], "place", "At Tindrevik voksenopplæring (adult education centre), Skoleveien 3.",
  ["Norskundervisningen foregår på Tindrevik voksenopplæring i Skoleveien 3."],
  [["Skoleveien 3"], ["Tindrevik voksenopplæring"]])
q("ti", "ኣብ ቲንድረቪክ ንነፍሲ ወከፍ ቆልዓ ወርሓዊ ተወሳኺ ገንዘብ (barnetillegg) ክንደይ እዩ?",
  [TI], "money", "1 180 kr per month for each child under 18 living with you.",
  ["I tillegg får du barnetillegg på 1 180 kr per måned for hvert barn under 18 år"],
  [["1 180", "1180", "1.180", "1,180"]])
u("ti", "ናይ Kvitlandet Frivillige ቁጽሪ ተሌፎን እንታይ እዩ?",
  [NN], "contact", "Not stated: the Nabo til nabo page only mentions that Kvitlandet Frivillige formed 21 pairs in 2025; no phone number is given (71 44 20 00 is Kvitlandet's municipal service desk on another page).")
q("ti", "ኣብ ቲንድረቪክ ብዛዕባ ፕሮጀክት «Nabo til nabo» መን ክሓትት፧ ብዛዕባ introduksjonsstønad ከ መን፧",
  [NN, TI], "name", "Nabo til nabo: volunteer coordinator Siri Aasen Nilsen at Tindrevik frivilligsentral; introduction benefit: programme adviser Ingrid Solheim Haugen at the Refugee Service (Flyktningtjenesten).",
  ["Tindrevik frivilligsentral Frivillighetskoordinator: Siri Aasen Nilsen",
   "Informasjon om introduksjonsstønad, norskopplæring og praksis får du hos Flyktningtjenesten, ikke hos frivilligsentralen.",
   "Flyktningtjenesten i Tindrevik Programrådgiver: Ingrid Solheim Haugen"],
  [["Siri Aasen Nilsen"], ["Ingrid Solheim Haugen"]], multi=True)
q("ti", "ኣብ ኢክቫላ ናይ 3 ክፍሊ ገዛ ክራይ ብወርሒ ክንደይ እዩ?",
  [EK], "money", "8 460 kr per month for 3 rooms and kitchen (72–80 m²).",
  ["3 rum och kök | 72–80 m² | 8 460 kr | familj med två eller tre barn"],
  [["8 460", "8460", "8.460", "8,460"]])
q("ti", "ሉሚቫራ: ብዛዕባ ምጥርናፍ ስድራ ሓበሬታ ምሸት መዓስ እዩ፧ ብትግርኛ ትርጉም ኣሎ ድዩ፧",
  [LM], "date", "On 15 April 2026, 17.30–19.30 at the city library auditorium; it is interpreted into Arabic, Dari and Somali (Tigrinya is not listed).",
  ["15.4.2026 | Tietoilta perheenyhdistämisestä | 17.30–19.30 | Kaupunginkirjasto, auditorio",
   "Tietoilta perheenyhdistämisestä tulkataan arabiaksi, dariksi ja somaliksi."],
  [["15.4.2026", "15 ሚያዝያ 2026", "15 April 2026", "2026-04-15"]])


def main() -> None:
    counters: dict[str, int] = defaultdict(int)
    with OUT.open("w", encoding="utf-8") as handle:
        for item in ITEMS:
            counters[item["lang"]] += 1
            record = {"id": f"H2-{item['lang']}-{counters[item['lang']]:02d}", **item, "split": "test"}
            ordered = {key: record[key] for key in ("id", "question", "lang", "answerable", "evidence", "answer_keywords",
                                                    "answer", "multi_document", "documents", "value_kind", "split")}
            handle.write(json.dumps(ordered, ensure_ascii=False) + "\n")
    print(f"wrote {len(ITEMS)} items to {OUT}")


if __name__ == "__main__":
    main()
