from assistant.ingest.cleaning import is_boilerplate


def test_link_text_is_furniture() -> None:
    assert is_boilerplate("Daugiau informacijos apie FOR-IN projektą rasite čia >>")
    assert is_boilerplate("Läs mer om Nordiska minsterrådets integrationssatsning")
    assert is_boilerplate("Read more about the programme »")


def test_a_feedback_widget_is_furniture() -> None:
    assert is_boilerplate("Var denne siden nyttig? Ja Nei")
    assert is_boilerplate("Kas see leht oli kasulik?\nJah Ei")
    assert is_boilerplate("War diese Seite hilfreich?")
    assert not is_boilerplate("Ja, du kan søge om hjælp til tolk.")


def test_content_is_not_furniture() -> None:
    assert not is_boilerplate("Jonava blev den første baltiske by, der tilsluttede sig Intercultural Cities-programmet.")
    # A paragraph that only starts with a link line still holds content.
    assert not is_boilerplate("Read more >>\nThe programme runs in 30 countries.")
    # A long line that happens to start like link text is content.
    long_line = "Read more about how municipalities cooperate " + "with local NGOs on housing and jobs " * 5
    assert not is_boilerplate(long_line)


def test_lines_in_capitals_are_capitalised_for_the_embedder() -> None:
    from assistant.ingest.cleaning import calm_capitals

    assert calm_capitals("TÕLKETEENUS UUSSISSERÄNDAJATELE PÄRNUS") == "Tõlketeenus Uussisserändajatele Pärnus"
    assert calm_capitals("1. REGISTREERIMINE JA TASU\nTasu on 20 eurot.") == "1. Registreerimine JA Tasu\nTasu on 20 eurot."
    for kept in ("HINNAKIRI (kui teenus ei ole tasuta)", "ENIC/NARIC", "Contact UNHCR today", "NNI"):
        assert calm_capitals(kept) == kept  # a line with lower case, acronyms only


def test_skip_links_of_the_source_languages_are_furniture() -> None:
    for line in ("Skip to main content", "Liigu edasi põhisisu juurde", "Praleisti ir pereiti prie turinio", "Siirry sisältöön"):
        assert is_boilerplate(line), line
    assert not is_boilerplate("Liigu edasi, et näha kursuse sisu.")


def test_a_saved_pages_site_header_with_a_spaced_menu_is_furniture_and_not_its_title() -> None:
    from assistant.ingest.cleaning import is_menu_bar, is_page_furniture
    from assistant.ingest.plain import parse_plain

    assert is_menu_bar("Avaleht   Linnavalitsus   Teenused   Haridus   Kontakt")
    assert not is_menu_bar("Eesti keele A2 kursus   120 tundi, 12 nädalat   95 eurot, makstakse tagasi kui lõpetad.")
    header = (
        "Hopp til hovedinnhold\nGjøvik kommune\nMeny\nTjenester   Bolig og eiendom   Skole og barnehage\nSøk\nEnglish | Norsk"
    )
    assert is_page_furniture(header)
    page = parse_plain(
        f"{header}\n\nNorskopplæring for voksne\n\nVi gir opplæring i norsk til voksne.\n\nPriser\n\nKurset er gratis."
    )
    first = page.blocks[0]
    assert first.kind == "heading" and page.text[first.start : first.end] == "Norskopplæring for voksne"
