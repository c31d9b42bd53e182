"""Where a plain document's own header is read: memo and form labels, letterheads, witness lists.

Documents arrive with their metadata written into their first lines, in every format people use:
``DATE: SUNDAY, May 8, 1994``, ``From: J.F. Black, Products Research Division``, ``Posted by:``,
``Version: 1.2``, ``CONFIDENTIAL - PRIVILEGED``, a letterhead line ``ACME CHEMICAL CORPORATION``,
``Transcript, March 8, 2023``, a hearing's ``WITNESSES:`` list. :func:`read_header` reads the
opening lines of a text (up to the first paragraph of prose) and returns what they say about the
document: its date, author, organization, title, whether it is marked internal, and the kind its
shape suggests. It never raises on any text, and every pattern here is bounded (linear time).

Readers use it for the document's metadata only: statements are still read from the whole text.
The words it looks for are generic (labels, legal suffixes, markings), never one story's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import parse_date_value
from ..models import DateValue
from ..offices import PORTFOLIOS

#: How far into a document its header can reach.
HEAD_LINES = 45
HEAD_CHARS = 6000

_LABEL = re.compile(r"^[ \t*_#>\-•]{0,6}(?P<label>[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ .'/()-]{0,30}?)[ \t*_]{0,4}:[ \t*_]{0,40}(?P<value>\S[^\n]{0,300}?)[ \t*_]{0,4}$")
_DATE_LABELS = frozenset({
    "date", "dated", "date of conversation", "date of meeting", "meeting date", "call date", "recording date", "recorded",
    "recorded on", "published",
    "posted", "posted on", "presented", "presented on", "sent", "issued", "released", "date issued", "date sent", "as of", "date of call",
    "date of report", "report date", "date published", "first published", "updated", "last updated",
    "effective date", "hearing date", "captured", "archived", "snapshot", "capture date", "filed", "date filed",
    "filing date", "prepared", "prepared on", "date prepared", "written", "submitted", "date submitted",
    "created", "date created", "compiled"})
#: A message's date-time group: "291600Z APR 04" (day, hour and minute, zone, month, year).
_DATE_TIME_GROUP = re.compile(r"(?P<day>[0-3]\d)[0-2]\d[0-5]\d[A-Z]?[ \t]{1,3}(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
                              r"[ \t]{1,3}(?P<year>\d{4}|\d{2})\b")
#: A record's own date by what happened on it: "Date of decision:", "Date of inspection:".
_DATE_OF = re.compile(r"date of (?:decision|inspection|issue|letter|memo|meeting|hearing|visit|incident|report|"
                      r"approval|review|signature|record|recording|entry|assessment|call|submission|notice|order|audit)")
#: A date field in a later column of a form's line ("Prepared for: Acme       Date: 28 January 2011").
_DATE_COLUMN = re.compile(r"\S[ \t]{3,}(?:Date|DATE|Dated|Date of [a-z]{3,12})[ \t]{0,4}:[ \t]{0,4}"
                          r"(?P<value>[\w,./\- ]{4,40}?)[ \t]*(?:[ \t]{3}|$)")
#: A date label said with whom or where ("Filed with the Commission:", "Released to the press:").
_DATE_LABEL_PHRASE = re.compile(r"(?:filed|issued|released|published|sent|posted|submitted|delivered)\s(?:with|to|on|at|by|in)\b")
_AUTHOR_LABELS = frozenset({"from", "author", "posted by", "by", "prepared by", "written by", "submitted by",
                            "owner", "sender", "presenter", "presented by", "reported by", "speaker", "account",
                            "handle", "account export", "counsel"})
_TITLE_LABELS = frozenset({"re", "subject", "title", "subj", "topic"})
#: A note's labels in the languages records arrive in (Spanish, Portuguese, French, Italian, German, Dutch).
#: (Not the one- and two-letter "A:" and "DA:", a transcript's answer and a district attorney's turn.)
_FOREIGN_LABELS = {"para": "to", "destinatario": "to", "destinatarios": "to", "destinataire": "to", "destinataires": "to",
                   "an": "to", "aan": "to", "de": "from", "remitente": "from", "expéditeur": "from",
                   "remetente": "from", "von": "from", "van": "from", "fecha": "date", "data": "date",
                   "datum": "date", "asunto": "re", "assunto": "re", "objet": "re", "oggetto": "re", "betreff": "re",
                   "onderwerp": "re", "referencia": "re", "ref": "re", "materia": "re", "objeto": "re", "thema": "re"}
INTERNAL_LABELS = frozenset({"visibility", "distribution", "classification", "audience", "access"})
#: What such a label says of a record kept inside: "Internal - Board", "Staff only", "Confidential".
INTERNAL_VALUE = re.compile(r"internal|employees|staff|confidential|restricted|team|sensitive", re.I)  # ("OFFICIAL-SENSITIVE")
_INTERNAL_MARK = re.compile(r"\b(?:confidential|internal use only|internal only|employees only|do not forward|"
                            r"internal (?:employee|staff)|employee forum|staff forum|"
                            r"not for (?:distribution|publication|release)|privileged|internal - |"
                            r"for internal(?! (?:check|review|investigation|audit|inquiry|enquiry|inspection)s?\b)|"
                            r"restricted|proprietary|file copy|office copy|copy for (?:the )?file|protected [abc]\b|"
                            # other languages' markings: "AVISO INTERNO", "NOTA INTERNA", "NOTE INTERNE", "CONFIDENCIAL"
                            r"internal notice|aviso interno|nota interna|note interne|comunicado interno|interne mitteilung|"
                            # an organization's own records released under a freedom-of-information law
                            r"released under the (?:official information|freedom of information|access to information|"
                            r"right to information) act|"
                            r"confidencial|confidentiel|riservato|vertraulich|vertrouwelijk|uso interno|usage interne)\b", re.I)
# ("a request for internal checks of test practices" is the matter of a letter, no marking)
#: Legal and sector suffixes that make a capitalized line a letterhead: "ACME CHEMICAL CORPORATION".
ORG_WORDS = re.compile(r"\b(?:corporation|corp|company|co|inc|incorporated|ltd|limited|llc|l\.?p|plc|ag|gmbh|s\.?a|"
                       r"b\.v|n\.v|bv|nv|a/s|oyj|pty|s\.p\.a|k\.k|"
                       r"n\.?a|group|holdings|bank|laboratories|labs|pharma|pharmaceuticals|industries|"
                       r"association|institute|university|agency|department|commission|authority|foundation|office|bureau|board|"
                       r"administration|services|council|ministry|court|fund|electronics|motors|airlines|airways|foods|energy|power|"
                       r"chemicals?|systems|technologies|health|insurance|media|league|club|partners|"
                       # the same kinds in other languages: "Stichting Acme", "Fundación Acme", "PT Acme Tbk"
                       r"stichting|stiftung|fundaci[oó]n|fondation|fondazione|funda[cç][aã]o|vereniging|verein|"
                       r"asociaci[oó]n|associa[cç][aã]o|tbk|bhd)\b\.?",
                       re.I)
#: The legal forms that make a name an organization's, never a unit's or a department's.
LEGAL_FORMS = re.compile(r"\b(?:corporation|corp|company|inc|incorporated|ltd|limited|llc|l\.?l\.?c|plc|ag|gmbh|s\.a|"
                         r"b\.v|n\.v|bv|nv|a/s|oyj|pty|s\.p\.a|k\.k|holdings)\b\.?", re.I)
_HEARING = re.compile(r"\b(?:hearing|committee|subcommittee|testimony|deposition|witnesses?|commission of inquiry|"
                      r"inquiry|inquest|coroner.s court|tribunal|transcript of proceedings|in the matter of|verbatim record|"
                      # other parliaments' committees and hearings: "Ausschuss", "Comisión", "Commission d'enquête"
                      r"ausschuss|untersuchungsausschuss|anh[öo]rung|comisi[oó]n|comiss[aã]o|au(?:diencias?|diências?)|"
                      r"commission d'enqu[eê]te|audition)\b", re.I)
_TRANSCRIPT = re.compile(r"\b(?:transcript|interview|podcast|press conference|news conference|speaking notes|as delivered(?![ \t]{1,3}to\b)|"
                         r"teleconference|conference call|live[ -]?stream|webinar|town hall|ask me anything|media conference|"
                         # ("REMARKS BY ...", "Remarks as prepared"; not a table's "SHC / REMARKS" column)
                         r"earnings call|(?<![/|] )remarks(?![ \t]*\n)|address by|keynote|speech|video (?:message|statement|address)|"
                         r"(?:press|news|media) briefing|"
                         # a parliament's verbatim record in its own language
                         r"wortprotokoll|plenarprotokoll|stenografischer bericht|versi[oó]n estenogr[aá]fica|"
                         r"notas taquigr[aá]ficas|compte rendu int[eé]gral|"
                         # a press conference in the languages records come in
                         r"conferencia de prensa|rueda de prensa|coletiva de imprensa|entrevista coletiva|conf[eé]rence de presse|"
                         r"conferenza stampa|pressekonferenz|persconferentie)\b", re.I)
#: A capture of a social media post or thread: its author's own public words.
_POST = re.compile(r"\b(?:thread capture|post capture|tweet(?:s|ed)?|social media (?:post|thread)|capture:?[ \t]{1,4}@\w{2,30}|"
                   r"archived (?:post|thread)|copy of (?:a|the) (?:\w+ )?(?:post|thread))\b", re.I)
#: The organization holding an event a transcript records: "-- Acme Corp press conference".
_HOST = re.compile(r"(?:^|[-–—:,]\s)(?P<org>[A-Z][\w&.'’]{0,30}(?:\s[A-Z][\w&.'’]{0,30}){0,4})\s(?:press conference|"
                   r"news conference|earnings call|conference call|media briefing|press briefing|town hall)\b"
                   r"|^\W{0,4}(?P<compound>[A-Z][\w&.]{1,30})-(?:Pressekonferenz|Medienkonferenz|Pressegespräch)\b"
                   # "MEDIA AVAILABILITY - Acme Drugs, Northgate, 9 May 2024": the event, then its host
                   r"|^\W{0,4}(?i:media[ \t]availability|press[ \t]conference|news[ \t]conference|press[ \t]briefing|"
                   r"media[ \t]briefing)[ \t]{1,3}(?:--|[-–—|:])[ \t]{1,3}(?P<after>[A-Z][\w&.'’]{0,30}(?:[ \t][A-Z][\w&.'’]{0,30}){0,4})"
                   r"[ \t]{0,3}(?:,|$)")
# ("ACME-Pressekonferenz, Northgate, 22. Oktober 2015": the German compound names the host first)
#: A broadcast's line naming its guest by organization and title: "Interview segment: Acme captain Jane
#: Roe", "Guest: Acme chief executive Jane Roe" (the broadcaster above it is the venue, not the speaker's side).
_GUEST = re.compile(r"^\W{0,4}(?i:interview(?:[ \t]segment)?|guest|interviewee|in[ \t]conversation)(?:[ \t](?i:with))?[ \t]{0,2}"
                    r"[:\-–—][ \t]{0,3}(?P<org>[A-Z][\w&.'’\-]{1,30}(?:[ \t][A-Z][\w&.'’\-]{1,30}){0,3}?)(?:['’]s)?[ \t]"
                    r"(?P<title>(?:[a-z][\w\-]{1,20}[ \t]){1,3})(?P<name>[A-Z][\w'’\-]{1,30}(?:[ \t][A-Z][\w'’\-]{1,30}){1,2})\W{0,3}$")
#: A heading naming its guest with their organization in brackets: "online interview with Jane Roe (Acme Trust)".
_GUEST_NAMED = re.compile(r"(?i:\binterview(?:ed)?|\bconversation)[ \t]{1,3}(?i:with)[ \t]{1,3}"
                          r"(?P<name>[A-Z][\w'’\-]{1,30}(?:[ \t](?:van|de|der|den|von|da|di|la|le|[A-Z][\w'’\-]{1,30})){1,3})"
                          r"[ \t]{1,3}\((?P<org>[A-Z][^()\n,]{1,60})\)")
#: A heading's line naming the host of a programme: "evening programme hosted by Jane Roe".
_HOSTED_BY = re.compile(r"\b(?:hosted|presented|moderated)[ \t]by[ \t](?P<name>[A-Z][\w'’\-]{1,30}(?:[ \t][A-Z][\w'’\-]{1,30}){1,2})\b")
#: Titles of a guest beyond the job words: "captain", "coach", "doctor".
_GUEST_TITLE = re.compile(r"\b(?:captain|coach|doctor|player|star|midfielder|striker|skipper|minister|mayor|governor)\b")
#: A release's title naming who issues it: "Acme Statement Regarding ...", "Acme Responds to ...".
_TITLE_ORG = re.compile(r"^\W{0,4}(?P<org>[A-Z][\w&.'’\-]{0,30}(?:\s[A-Z][\w&.'’\-]{0,30}){0,3}?)(?:['’]s)?\s"
                        r"(?i:statement|responds|response|comments|issues statement|(?:news|press|media) release|"
                        r"(?:service[ \t]|customer[ \t])?notice)\b"
                        r"(?:\s+(?i:on|regarding|to|about|in response to|concerning)\b|\W{0,3}$|[ \t]{1,3}(?:--|[-–—:|])[ \t])"
                        # "Acme Telecom -- Notice to customers and press statement": the maker, then the genre
                        r"|^\W{0,4}(?P<maker>[A-Z][\w&.'’\-]{0,30}(?:\s[A-Z][\w&.'’\-]{0,30}){0,3})[ \t](?:--|[-–—|])[ \t]"
                        r"(?i:notice to (?:customers|clients|members)(?: and (?:press|media) statement)?|(?:press|media) statement)\W{0,3}$")
#: An organization's own notice heading its text: "[Acme Corp. notice -- English version]", "Acme service notice".
_OWN_NOTICE = re.compile(r"^\W{0,4}(?P<org>[A-Z][\w&.'’\-]{0,30}(?:\s[A-Z][\w&.'’\-]{0,30}){0,3}?)\s(?i:(?:service[ \t]|customer[ \t])?notice)"
                         r"(?:\W{0,3}$|[ \t]{1,3}(?:--|[-–—:|])[ \t])")
_NOT_HOST = frozenset({"transcript", "the", "a", "an", "joint", "virtual", "live", "full", "further", "second", "initial",
                       "updated", "final", "official",
                       # a sentence's first word, no name: "In response to rumours, Acme restates ..."
                       "in", "on", "at", "for", "from", "by", "after", "as", "with", "our", "this", "my", "we", "i"})
#: A deck its maker says it shows outside: "(customer-facing deck)", "public webinar slides", "investor presentation".
FACING_OUT = re.compile(r"(?i)\b(?:customer|client|public|investor|partner|external)[ -]facing\b|"
                         r"\b(?:public|marketing|sales|investor|customer)[ \t](?:deck|presentation|webinar|slides)\b")
_SLIDES = re.compile(r"^[^\S\n]*(?:-{2,4}[ \t]{0,2})?(?:slide|page)\s+\d{1,3}\s*[:.\-–]", re.I | re.M)
_CHAT = re.compile(r"\b(?:chat|instant message|message export|messages|slack|teams|direct messages|channel)\b", re.I)
_INTRANET = re.compile(r"\b(?:workplace|intranet|yammer|internal post|internal blog|all-hands|posted to)\b", re.I)
_MEMO = re.compile(r"^[ \t*_#\-=]{0,40}(?:memorandum|memo|inter-?office (?:memo|memorandum|correspondence)|"
                   r"minuta(?: interna)?|memorando(?: interno)?|nota interna|note interne|promemoria|aktennotiz)"
                   # ("MEMORANDUM - INTERNAL", "MEMO | STRICTLY CONFIDENTIAL": the form and its marking)
                   r"(?:[ \t]{1,3}[-–—|:][ \t]{1,3}(?:strictly[ \t]|highly[ \t])?(?:internal|confidential|private|privileged|restricted|reservad[oa]|confidencial|interno|interna|vertraulich|riservat[oa])"
                   r"(?:[ \t](?:use|only|and|confidential)){0,3})?[ \t*_#\-=]{0,40}$",
                   re.I | re.M)
#: A copy of an organization's own help, support or status page, by the line saying where it was
#: copied from ("Copied from: support.acme.com", "captured ... from acme.com/help") or by the help
#: page's own furniture ("Acme Help Center > Orders", "Was this article helpful?"): its own words,
#: whatever reporting verbs its text holds.
OWN_PAGE = re.compile(r"^[^\n]{0,40}\b(?:copied|captured|saved)\b[^\n]{0,40}\bfrom[ \t]{0,2}:?[ \t]{0,4}(?:https?://)?"
                       r"(?:(?:help|support|status|faq)\.|[a-z0-9.\-]{2,60}/(?:help|support|faq)\b)|"
                       r"^[^\n]{0,60}\bhelp[- ]cent(?:er|re)[ \t]{1,4}(?:>|›|»|&gt;)|\bwas this (?:article|page|answer) helpful\b",
                       re.I | re.M)
_NEWS = re.compile(r"\b(?:copied from|wire copy|staff reporter|associated press|reuters|\(ap\)|\(upi\)|byline|"
                   r"section:|page: ?[a-z]?-?\d|correspondent|newspaper)\b", re.I)
_VENUE = re.compile(r"^\W{0,4}(?:(?:the\s+)?united states|u\.\s?s\.)\s+(?P<body>senate|house of representatives)\b"
                    r"|^\W{0,4}(?P<plain>senate|house of representatives|house|senate)(?=\s+(?:of representatives\b|"
                    r"(?:select\s+|permanent\s+|special\s+)?(?:sub)?committee\b)|\s*$)"
                    r"|^\W{0,4}(?P<other>house of commons|house of lords|legislative assembly|national assembly)\b", re.I)
#: The kinds of log a record is ("incident log", "shift log"): the ingest's kind guess reads them too.
LOG_KINDS = r"(?:incident|event|engineering|operations|ops|shift|maintenance|field|decision|action)"
#: A log's heading: "ACME SITE - ENGINEERING INCIDENT LOG (extract)", "Shift log".
_LOG = re.compile(r"(?im)^[^\w\n]{0,4}(?:[\w&.'\-]{1,30}[ \t]{1,3}){0,5}(?:[-–—|:][ \t]{1,3})?(?:[\w]{1,30}[ \t]{1,3})?"
                  + LOG_KINDS + r"[ \t]{1,3}log\b")
#: A label a system's report carries when it is run: "Extract run: 30/06/2016", "Report generated: ...",
#: "Run date:" (a system's output for its owner, not a page for readers).
_SYSTEM_RUN = re.compile(r"(?im)(?:^|[ \t]{2})(?:(?:extract|report|query|export)[ \t](?:run|generated|produced)(?:[ \t]on)?|run[ \t]date)"
                         r"[ \t]{0,3}:[ \t]{0,3}\d")
#: A long label naming who made a record: "Prepared at the chairman's instruction by: J. Roe".
_MADE_BY = re.compile(r"(?i:prepared|written|drafted|compiled|issued)\b[^:\n]{1,60}?\bby[ \t]{0,3}:[ \t]{0,3}"
                      r"(?P<value>[A-Z][^\n]{1,150})")
#: A committee heading a hearing by its own name: "THE HOUSE - COMMITTEE OF FAIR TRADE" (the chamber's
#: name, a dash, the committee), "Joint Committee on Health".
_COMMITTEE = re.compile(r"(?:^\W{0,4}|\s[-–—:]\s+)(?P<name>(?:(?:joint|select|standing|special|public)\s+)?"
                        r"committee\s+(?:of|on|for)\s+[A-Za-z][A-Za-z ,&'\-]{2,60}?)\s*$", re.I)
_BY_LINE = re.compile(r"^\W{0,4}(?:transcript\s{1,3}[-–—:]{1,2}\s{1,3})?(?:(?:press|media|public|opening|closing)\s{1,3})?"
                      # ("TRANSCRIPT -- PRESS STATEMENT BY JANE ROE, PRESIDENT OF ACME": a press statement's transcript)
                      r"(?:address|remarks|testimony|statement|speech|interview|prepared remarks|keynote)"
                      r"(?:\s{1,3}to\s{1,3}the\s{1,3}(?:press|media|reporters|nation))?"  # ("REMARKS TO THE PRESS BY ...")
                      # ("Interview transcript (extract) - Jane Roe, CEO, Acme": the heading, a dash, who speaks)
                      r"(?:\s+(?:by|of|with|on\s{1,3}behalf\s{1,3}of)\s+|(?:\s(?:transcript|excerpt|extract|\(extract\)|\(excerpt\))){1,2}\s[-–—:]\s+)"
                      r"(?P<rest>[A-Z][\w.'\- ]{2,60},[^\n]{2,200})$", re.I)
#: A statement headed by its maker's name alone: "STATEMENT OF JANE ROE", "Remarks by Jane Roe".
_STATEMENT_OF = re.compile(r"^\W{0,4}(?i:statement|remarks|prepared remarks|prepared statement)\s{1,3}(?i:of|by|from|attributable\s{1,3}to)\s{1,3}"
                           r"(?P<title>(?:[A-Za-z.]{1,20}\s{1,3}){0,4}?)"
                           r"(?P<name>(?:[A-Z][A-Za-z.'\-]{1,30}\s{1,3}){1,3}[A-Z][A-Za-z.'\-]{1,30})"
                           # ("Statement from Jane Roe, Chief Executive", "... following the council's decision")
                           r"(?:,[ \t](?P<title2>[^\n,]{2,60})|[ \t](?:following|after)[ \t][^\n]{2,100})?\W{0,4}$")
#: Words of a title a statement's heading may set before its maker's name ("Statement from
#: President Jane Roe", "STATEMENT OF HEAD FOOTBALL COACH JOHN DOE").
_HEADING_TITLE_WORDS = frozenset({"president", "vice", "chief", "executive", "officer", "chairman", "chairwoman", "chair",
                                  "head", "coach", "football", "basketball", "athletic", "director", "general", "manager",
                                  "secretary", "senator", "governor", "mayor", "minister", "commissioner", "dr", "dr.",
                                  "professor", "prof.", "ceo", "cfo", "coo", "founder", "dean", "provost", "chancellor",
                                  "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "sir", "dame", "lord", "lady", "former",
                                  "assistant", "deputy", "spokesperson", "spokesman", "spokeswoman", "of", "communications",
                                  "press", "public", "affairs", "media", "relations", "staff", "acting", "interim"})


#: Words of an organization's name that no person's name holds ("Acme International", "Acme News").
_ORGISH = frozenset({"international", "news", "media", "global", "national", "association", "foundation", "council",
                     "committee", "partners", "group", "holdings", "company", "industries", "services", "systems"})


def statement_maker(line: str) -> str:
    """The maker a statement's heading names ("Statement from President Jane Roe" -> "Jane Roe"),
    or "": the words before the name must all be a title's."""
    m = _STATEMENT_OF.match(line.strip())
    if not m:
        _, dash, after = line.strip().partition(" -- ")  # "ACME AIR -- REMARKS BY CHAIRMAN JANE ROE": the
        m = _STATEMENT_OF.match(after) if dash else None  # organization's heading, then its maker's
        if not m:
            return ""
    title, name = m["title"].split(), m["name"].split()
    while name and name[0].lower() in _HEADING_TITLE_WORDS:  # the lazy title left a title word in the name
        title.append(name.pop(0))
    if len(name) < 2 or any(w.lower() not in _HEADING_TITLE_WORDS for w in title) \
            or ORG_WORDS.search(" ".join(name)) \
            or any(w.lower() in _ORGISH for w in name) or (m["title2"] and not JOB_TITLE.search(m["title2"])):
        return ""  # ("Statement from Acme Corporation", "Statement of Acme Corporation", "... from Acme
        # International": the company's, read elsewhere)
    return _person_case(" ".join(name))
_WITNESS_HEAD = re.compile(r"^\s*(?:witness(?:es)?|panel(?:ists)?|participants|speakers|present)\s*"
                           r"(?:\([^()\n]{0,60}\)\s*)?:?\s*$", re.I)
#: A witness list's heading with its first witnesses on the same line: "Witnesses (panel II): Jane Roe, ...".
_WITNESS_INLINE = re.compile(r"^(?i:witness(?:es)?)[ \t]{0,4}(?:\([^()\n]{0,60}\)[ \t]{0,4})?:[ \t]{0,4}(?P<rest>\S[^\n]{0,400})$")
#: A heading line naming its one witness after a dash: "Public hearing under oath - witness: Jane Roe, ...".
_DASHED_WITNESS = re.compile(r"^[^:\n]{1,80}?[ \t][-–—|][ \t](?i:witness):[ \t]{0,4}(?P<value>\S[^\n]{0,300})$")
#: "PANEL II:", "Panel 1 - Company executives": a panel's heading, its witnesses on the lines after.
_PANEL_HEAD = re.compile(r"^panel\s+(?:[IVX]{1,5}|\d{1,2})\s*(?:[:.\-–]\s*[^\n]{0,120})?$", re.I)
#: The title line of a deposition or examination transcript naming the witness.
_DEPONENT = re.compile(r"^\W{0,4}(?i:transcript(?:\s+excerpt)?\s+(?:-{1,2}|[–—:])\s+)?"
                       r"(?i:(?:videotaped|video|oral|continued|cross-|cross\s|re-)\s*){0,2}(?i:deposition|examination|sworn statement|"
                       # ("Interrogation of the defendant JANE ROE -- 29 October 2015", "Interrogatório do réu JANE ROE")
                       r"interrogation|questioning|interrogatório|interrogatorio)"
                       r"\s+(?i:of|do|de|del)\s+(?:(?i:the\s+)?(?i:defendant|accused|witness|réu|reu|acusado|testemunha)\s+)?"
                       r"(?P<name>(?:(?:Mr|Ms|Mrs|Dr|MR|MS|MRS|DR)\.?\s+)?[A-ZÀ-Þ][\w.'\-]{0,30}"
                       r"(?:\s+[A-ZÀ-Þ][\w.'\-]{0,30}){1,3})(?:\s+(?:--|[-–—,])\s+[^\n]{0,60}|\s{1,3}\((?P<said>[^()\n]{3,120})\))?\W{0,4}$")
# ("Transcript excerpt - cross-examination of Mr Jane Roe (CEO, Acme Airways)": who answers, and for whom)


def _cased_if_capitals(name: str) -> str:
    """A name written all in capitals given title case ("MR LES ROE" -> "Mr Les Roe"); one written
    with small letters kept as written ("Col. Jane McRoe")."""
    return _person_case(name) if not any(c.islower() for c in name) else name


def _person_case(name: str) -> str:
    """"RAYMOND DeGIORGIO" -> "Raymond Degiorgio": a name in capitals given title case."""
    return " ".join(re.sub(r"(?<=[’'\-])[a-z]", lambda m: m.group().upper(), w[:1] + w[1:].lower())
                    if sum(c.isupper() for c in w) >= max(2, len(w) - 2) and len(w) > 2
                    or w.rstrip(".").upper() in ("MR", "MRS", "MS", "DR") else w
                    for w in name.split())  # ("O'SULLIVAN" -> "O'Sullivan", "JEAN-CLAUDE" -> "Jean-Claude",
    # "MR" -> "Mr"; initials "DJ" as written)


#: A sworn statement's own words: "CONFIRMATORY AFFIDAVIT", "do hereby make oath and state", "sworn declaration".
_AFFIDAVIT = re.compile(r"(?im)^\W{0,4}(?:[A-Z]{1,20}[ \t])?AFFIDAVIT\b|\bhereby[ \t]{1,4}make[ \t]{1,4}oath[ \t]{1,4}and[ \t]{1,4}(?:state|say)\b|"
                        r"^\W{0,4}(?:sworn[ \t]{1,4}(?:statement|declaration)|statutory[ \t]{1,4}declaration)\b")
#: The deponent of an affidavit: "I, the undersigned,\nJANE ROE\ndo hereby ...", "I, Jane Roe, make oath ...".
_SWORN_BY = re.compile(r"\bI,[ \t]{0,4}(?:the[ \t]{1,4}undersigned,?)?[ \t\n]{0,8}(?P<name>[A-ZÀ-Þ][\w.'\-]{0,30}(?:[ \t]{1,4}[A-ZÀ-Þ][\w.'\-]{0,30}){1,4})")
#: A listed company's legend on a public announcement, "NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION IN OR
#: INTO THE UNITED STATES, CANADA,\nJAPAN OR SOUTH AFRICA": where it may not go, no internal marking, no name.
_PUBLIC_LEGEND = re.compile(r"(?im)^\W{0,4}not[ \t]for[ \t](?:release|publication|distribution)\b[^\n]{0,120}?\b(?:in|into)[ \t]"
                            r"[^\n]{0,120}(?:,[ \t]*\n[ \t]{0,4}[A-Z][A-Z ,.]{1,80}$)?")
#: A short name in brackets after a name in capitals: "ACME ELECTRICITY GENERATING COMPANY PLC (AcmeGen)".
_SHORT_NAME = re.compile(r"[ \t]{1,4}\((?P<short>[A-Z][A-Za-z&.\-]{1,14})\)[ \t]{0,4}$")
#: Labels of a line naming someone who speaks in a transcript ("Guest: Jane Roe, CEO, Acme").
_ROLE_LABEL = re.compile(r"\b(?:interview(?:er|ee)?|guests?|speakers?|moderator|host|panelists?|witness|participant|podium|"
                         # other languages' records: "Oitiva:", "Depoente:" (pt), "Testigo:", "Compareciente:" (es)
                         r"questioner|(?:^|(?:interview|conversation|q&a|talk|chat|session)[ \t])with|oitiva|depoente|testigo|compareciente|"
                         # a parliament's record of who came before its committee: "IN ATTENDANCE:", "Appearing:"
                         r"in attendance|attending|appearing)\b")
_ASKER_LABEL = re.compile(r"\b(?:interviewer|moderator|host|questioner)\b")
#: The comma after one listed person's bracketed title before the next person's name: "Jane Roe (Chair,
#: Acme), Mr John Doe (Director)", read as the ";" between two entries.
_PAREN_ENTRY_END = re.compile(r"\)[ \t]{0,3},[ \t]{1,3}(?:and[ \t]{1,3})?(?=(?:(?:Mr|Ms|Mrs|Dr|Hon|Prof)\.?[ \t]{1,3})?[A-Z][\w.'\-]{1,30}[ \t])")
#: "Panel I:", "Panel 2 -", "1." before a witness line.
_PANEL_LABEL = re.compile(r"^[ \t\-*•]{0,6}(?:panel\s+(?:[IVX]{1,5}|\d{1,2})|[IVX]{1,5}\.|\d{1,2}\.)\s*[:.\-–]?\s+", re.I)
_PERSON_TITLE_ORG = re.compile(
    # (a surname's particle in lower case: "Jan van Roe", "Maria de la Roe")
    r"^[ \t\-*•]{0,6}(?P<name>(?:(?:Mr|Ms|Mrs|Dr|Hon|Prof)\.?\s+)?[A-Z][\w.'\-]+"
    r"(?:\s+(?:(?:van|von|der|den|de|del|della|la|le|da|dos|du|ter|ten)\s+){0,2}[A-Z][\w.'\-]*\.?){1,4})"
    r"(?:,\s*(?P<rest>[^\n]{3,200})|\s*\((?P<paren>[^()\n]{3,200})\)\s*)$")


#: A witness written surname first, in capitals, then an honorific: "JACQUES, Mr Jean-Sebastien,
#: Chief Executive, Acme" (a parliamentary committee's list).
_SURNAME_FIRST = re.compile(r"^[ \t\-*•]{0,6}(?P<sur>[A-Z][A-Z'\-]{1,30}),[ \t]{1,3}(?:Mr|Ms|Mrs|Dr|Prof|Hon)\.?[ \t]{1,3}"
                            r"(?P<given>[A-Z][\w.'\-]{0,30}(?:[ \t]{1,3}[A-Z][\w.'\-]{0,30}){0,3}),[ \t]{0,3}(?P<rest>[^\n]{3,200})$")


def _entry_rest(m: re.Match[str]) -> str:
    """A witness entry's "Title, Organization": after the name's comma, or in the parenthesis of
    "Jane Roe (President, Acme Inc.)"."""
    return m["rest"] or m["paren"] or ""


#: A participant's part in a meeting in brackets ending a list entry: "(moderator)", "(host)".
_ROLE_PAREN = re.compile(r"(?i)\((?:moderator|host|co-host|interviewer|chair|chairperson|facilitator|interpreter|"
                         r"translator|master of ceremonies|mc)\)\s*$")


def _entries(line: str) -> list[tuple[str, str]] | None:
    """The witnesses a line of a witness list names, each with their "Title, Organization": one
    or several to a line ("Jane Roe, President, Acme Inc.; John Doe, Director, Roe Institute"); a
    part after ";" that names no one is another title of the witness before it ("Jane Roe, General
    Manager, Acme; Global Head of Toys, Apex Inc."). None when the line opens with no witness."""
    out: list[tuple[str, str]] = []
    for part in _PANEL_LABEL.sub("", line).split(";"):
        if not part.strip() and out:
            continue  # the ";" that ends an entry whose next one is on the next line
        h = _SURNAME_FIRST.match(part)
        if h:  # "JACQUES, Mr Jean-Sebastien, Chief Executive, Acme": a parliament's list, surname first
            out.append((f"{h['given']} {_person_case(h['sur'])}", h["rest"]))
            continue
        m = _PERSON_TITLE_ORG.match(part)
        if m:
            out.append((_person_case(_clean(m["name"])), _entry_rest(m)))  # "JANE ROE (CEO, Acme)"
        elif out and part.strip() and _ROLE_PAREN.search(part):
            continue  # "Jane Roe, President; Head of Press Office (moderator)": another participant by role
        elif out and part.strip():
            out[-1] = (out[-1][0], f"{out[-1][1]}; {part.strip()}")
        else:
            return None
    return out or None


@dataclass(frozen=True)
class Header:
    """What a document's opening lines say about it (empty values when they say nothing)."""

    date: DateValue | None = None
    author: str = ""                 # a person ("J.F. Black") or an office ("Acme Communications")
    organization: str = ""           # letterhead, "From: ..., Org", front-matter author's company
    title: str = ""
    internal: bool = False           # marked confidential / employees only / internal distribution
    kind: str = ""                   # a kind its shape suggests ("" when undecided)
    witnesses: tuple[tuple[str, str], ...] = ()   # (person, organization) from a witness list
    venue: str = ""                  # the chamber or body holding a hearing
    lines: int = 0                   # header lines read
    letterhead: str = ""             # a name in capitals heading it ("ACME - FIELD LOG"): a record's owner
    spellings: tuple[tuple[str, str], ...] = ()  # one name in two languages heading it ("ACME AG / ACME LTD")


def _clean(value: str) -> str:
    return value.strip().strip("*_#\"' ").strip()


#: An organization's own office signing a text: "Acme Corporate Communications", "Acme Newsroom".
_LEGAL_ONLY = re.compile(r"^(?:inc|incorporated|corp|corporation|co|ltd|llc|l\.?p|plc|ag|s\.?a|n\.?a)\.?$", re.I)
#: A part naming only a country, which belongs to the name before it: "Acme Motor Sales, U.S.A., Inc.".
_PLACE_ONLY = re.compile(r"^(?:u\.?\s?s\.?(?:\s?a\.?)?|united states(?: of america)?|america|u\.?k\.?)$", re.I)
_OFFICE = re.compile(r"(?<![\s,])[\s,]+(?:(?:corporate|group|global|media|public)\s+)?(?:communications|media relations|press office|press bureau|public relations|"
                     r"investor relations|newsroom|news desk|press team|comms|community|forums?)"
                     r"(?:\s+(?:office|department|team|unit))?\s*$", re.I)  # ("Acme Communications Office")


#: Words a unit of an organization is named with ("Corporate Development", "Regulatory Affairs").
_UNIT_WORDS = frozenset({"corporate", "development", "engineering", "research", "legal", "finance", "financial",
                         "operations", "marketing", "sales", "communications", "affairs", "regulatory", "medical",
                         "product", "products", "infrastructure", "technology", "security", "safety", "quality",
                         "human", "resources", "strategy", "business", "global", "public", "relations", "policy",
                         "compliance", "risk", "audit", "data", "science", "team", "and", "of", "the", "clinical",
                         "investor", "government", "services", "support", "design", "manufacturing", "planning",
                         "technical", "management", "editorial", "executive", "department", "directorate", "division", "unit", "service",
                         "digital",
                         "programme", "program", "group", "benefits", "payroll", "facilities", "procurement",
                         "purchasing", "logistics", "training", "recruitment", "recruiting", "talent", "people",
                         "helpdesk", "desk", "administration", "hr", "it", "culture", "site", "estates", "office",
                         "offices", "ict", "branch", "chapter",
                         # the same units in the languages the records come in ("Sicurezza ICT", "Direzione Legale")
                         "sicurezza", "seguridad", "segurança", "sécurité", "sicherheit", "informatica", "informática",
                         "informatique", "comunicazione", "comunicación", "comunicação", "ufficio", "oficina",
                         "direzione", "dirección", "direção", "abteilung", "servizio", "servicio", "serviço", "legale",
                         "finanza", "finanzas", "recursos", "humanos", "risorse", "umane", "stampa", "prensa", "presse"})
#: A name that ends in a legal form, any country's ("Acme Inc.", "Northgate Shipping A/S", "Roe AG").
_ENDS_LEGAL = re.compile(r"\b(?:inc|corp|corporation|co|company|ltd|limited|llc|plc|ag|gmbh|a/s|asa|ab|oyj|n\.?v|"
                         r"b\.?v|s\.?a|s\.?p\.?a|s\.?r\.?l|s\.?a\.?s|ltda|se|k\.?k|pty)\.?$", re.I)
#: A legal form, which a company's name carries and a team's does not.
_LEGAL_WORD = re.compile(r"\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|gmbh|l\.?p|"
                         r"b\.v|n\.v|a/s|oyj|pty|s\.p\.a)\b\.?", re.I)


#: A record made for an organization: "enquiry commissioned by the Board of Acme Bank", "review prepared for Acme Ltd".
_MADE_FOR = re.compile(r"(?i:\b(?:commissioned|prepared|conducted|carried[ \t]out)[ \t]{1,3}(?:by|for)[ \t]{1,3}(?:the[ \t]{1,3})?"
                       r"(?:(?:board(?:[ \t]{1,3}of[ \t]{1,3}directors)?|directors|trustees|council|management|"
                       r"audit[ \t]{1,3}committee)[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?)?)"
                       r"(?P<org>[A-Z][^\n(,;]{1,80})")


def org_of_phrase(text: str) -> str:
    """The organization at the end of "Name, Title, Organization", in "Office - Organization", or
    before an office name ("Acme Communications"); "Acme Exchange, Inc. (Acme Group)" read without
    the group named after it when the whole names none; the government a head of government's
    title names ("Jane Roe, Premier of Northgate")."""
    made = _MADE_FOR.search(text[:300])
    if made:  # "Independent enquiry commissioned by the Board of Acme Bank": the record is the one it was made for
        text = made["org"]
    found = government_of(text[:300]) if _MINISTER_OF.search(text[:300]) else ""
    found = found or _org_of_phrase(text) or government_of(text[:300])
    bare = re.sub(r"[ \t]{0,3}\([^()\n]{2,60}\)[ \t]{0,3}$", "", text[:300]) if not found else text
    found = _org_of_phrase(bare) if bare != text and bare.strip() else found
    return "" if ORG_WORDS.fullmatch(found.lower()) else found  # ("Jane Roe, Ministry spokeswoman": no name)


def _org_of_phrase(text: str) -> str:
    office = False
    parts: list[str] = []
    text = re.sub(r"\((?:official|verified)[^()]{0,30}\)[ \t]{0,8}$", "", text.strip(), flags=re.I).strip()  # "(official post)"
    # "Acme Group (AG) market announcement": the genre of what the organization put out, after its name
    # ("Acme Israel consumer notice": its notice to its customers)
    text = re.sub(r"(?<=[\w.)])[ \t]{1,3}(?:\([A-Z][A-Za-z&]{1,7}\)[ \t]{1,3})?(?:(?i:stock[ \t-]exchange|market|regulatory|"
                  r"investor|press|news|media|consumer|customer|recall|safety)[ \t]{1,3})"
                  r"(?i:announcement|release|statement|filing|notice|disclosure)s?$",
                  "", text[:300])
    whole_office = _OFFICE.search(text)
    if whole_office and JOB_TITLE.search(re.split(r",", text[:whole_office.start()])[-1]):
        whole_office = None  # "Jane Roe, Head of Group Communications": a title, not an office's name
    if whole_office and whole_office.start() > 0:  # "Acme International Inc., Media Relations": the office's company
        office, text = True, text[:whole_office.start()].strip(" ,-–—|")
    owner = ""  # the part an office was named in: "Acme group press office, Springfield" is Acme's
    for p in re.split(r",|\s[-–—]\s|\s\|\s", text.strip()):
        p = p.strip()
        if _OFFICE.search(p) and not JOB_TITLE.search(_OFFICE.sub("", p)):
            # "Acme Inc. Communications, Springfield, Ohio": the office, then a place (not "Head of Communications")
            office, p = True, _OFFICE.sub("", p).strip(" ,")
            owner = owner or p
        if not p:
            continue
        if parts and (_LEGAL_ONLY.match(p) or _PLACE_ONLY.match(p)):
            parts[-1] = f"{parts[-1]}, {p}"  # "Acme, Inc." and "Acme Sales, U.S.A." are one name
        else:
            parts.append(p)
    if len(parts) == 2 and _is_unit(parts[0]) and not _LEGAL_WORD.search(parts[1]) \
            and parts[1].split()[-1].lower().strip(".,") in _UNIT_WORDS | {"systems", "solutions", "applications", "networks"}:
        parts = parts[:1]  # "IT Services - Crew Systems": a unit, then a team inside it, no organization's name
        # (not "Editorial management, Acme Weekly": a unit, then its organization)
    for part in reversed(parts):
        if re.match(r"(?i)(?:with|and|via|together with|in cooperation with)\s", part):
            continue  # "IT Division, with Globex Limited": a partner who helped, not the writer's organization
        if " / " in part and not _LEGAL_WORD.search(part):
            continue  # "Health Metrics / Trust & Safety Data Science": a path of teams, not a name
        named = re.sub(r"(?i)\b(?:the|our|a)\b", "", ORG_WORDS.sub("", part)).strip(" ,.&")
        if _ENDS_IN_TITLE.search(part):
            continue  # "Group Technical Director": a title, though "Group" names organizations
        opening = JOB_TITLE.search(part)
        if opening and opening.start() == 0 and re.match(r"(?i)[\w\-]{1,30}[ \t]{1,3}of\s", part) \
                and set(re.findall(r"[a-z]+", part.lower().split(" of ", 1)[-1])) <= _UNIT_WORDS | {"relations", "press"}:
            continue  # "Head of Group Communications": a title of a unit, not an organization's name
        # the name left without its organization words is a name ("Acme"), not "blog" of "Company blog"
        # (a brand written in lower case, when its legal form follows: "acme athletica inc.")
        lower_brand = part[:1].islower() and bool(_ENDS_LEGAL.search(part.rstrip(" ."))) and len(part.split()) <= 4
        if ORG_WORDS.search(part) and (part[:1].isupper() or part[:1].isdigit() or lower_brand) and len(part) <= 80 and named \
                and (named[:1].isupper() or named[:1].isdigit() or lower_brand):
            tail = re.search(r"\b(?:of|at|for)\s+(?:the\s+)?([A-Z][^\n]*)$", part)
            if tail and ORG_WORDS.search(tail.group(1)) and tail.start() > 0 and not ORG_WORDS.search(part[:tail.start()]) \
                    and JOB_TITLE.search(part[:tail.start()]):
                if not ORG_WORDS.sub("", tail.group(1)).strip(" ,.&"):
                    continue  # "Secretary of Energy": a minister's portfolio, the name of no organization
                part = tail.group(1)  # "CEO of Acme AG" -> Acme AG
            return _org_case(_strip_legal_tail(part))
    named_office = owner or (parts[-1] if parts else "")
    if office and named_office[:1].isupper() and len(named_office) <= 60 \
            and not set(re.findall(r"[a-z]+", named_office.lower())) <= _UNIT_WORDS \
            and re.sub(r"(?i)\b(?:the|our|a|company|corporate|global|group)\b", "", named_office).strip():
        return _org_case(named_office)  # "Acme Global Communications" -> Acme; "Acme press office, Springfield" -> Acme
    if len(parts) >= 2 and JOB_TITLE.search(parts[-2]) and parts[-1][:1].isupper() and not JOB_TITLE.search(parts[-1]) \
            and len(parts[-1].split()) <= 5 and not re.search(r"\d", parts[-1]) \
            and not set(re.findall(r"[a-z]+", parts[-1].lower())) <= _UNIT_WORDS:
        return _org_case(_without_team(_strip_legal_tail(parts[-1])))  # "Jane Roe, SVP of Engineering, Acme": after the title
        # (not "Jane Roe, Vice President, Corporate Development": a unit)
    if len(parts) == 2 and (set(re.findall(r"[a-z]+", parts[0].lower())) <= _UNIT_WORDS or _COMPANY_UNIT_FIRST.match(parts[0])) \
            and _is_short_name(parts[1]) \
            and not set(re.findall(r"[a-z]+", parts[1].lower())) <= _UNIT_WORDS:
        return _org_case(_strip_legal_tail(parts[1]))  # "Editorial management, Acme": a unit, then its organization
    if len(parts) >= 3 and _is_unit(parts[-2]) and _is_short_name(parts[-1]):
        return _org_case(_strip_legal_tail(parts[-1]))  # "Jane Roe, U.S. Security Public Policy, Acme": after the unit
    for part in reversed(parts):  # "Jane Roe, President of Acmebank": a company head's title, then a name with no
        # organization word in it (not "Minister of Finance": a portfolio; not "Head of Operations": a unit)
        m = _HEAD_OF_COMPANY.match(part)
        if m and not set(re.findall(r"[a-z]+", m["org"].lower())) & (_UNIT_WORDS | PORTFOLIOS | _BODIES):
            return _org_case(m["org"])
    for part in parts[1:]:  # "Jane Roe, Acme Fellow and Vice President of Engineering": the name before the title
        m = _NAME_BEFORE_TITLE.match(part)
        if m and not JOB_TITLE.search(m["name"]) and not set(m["name"].lower().split()) & (_UNIT_WORDS | _TITLE_MODS) \
                and m["name"].split()[0].lower() not in ("group", "board", "committee", "council"):  # "Group Director": a title of a group of companies ("Board Member": of a board)
            return _org_case(m["name"])
    return ""



#: A company head's title, then what it heads: "President of Acmebank", "CHAIRMAN OF ACME".
_HEAD_OF_COMPANY = re.compile(r"(?i:(?:the[ \t]{1,3})?(?:deputy[ \t]{1,3}|vice[- ]|executive[ \t]{1,3})?(?:president|chairman|chairwoman|"
                              r"chairperson|chair|chief[ \t]{1,3}executive(?:[ \t]{1,3}officer)?|ceo|managing[ \t]{1,3}director|"
                              r"founder)[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?)"
                              r"(?P<org>[A-Z][\w&'\-]{1,30}(?:[ \t]{1,3}[A-Z][\w&'\-]{1,30}){0,2})\.?")
#: What a chair's title can name that is no organization of its own ("Chairman of the Board").
_BODIES = frozenset({"board", "boards", "group", "company", "committee", "council", "trustees", "directors", "governors",
                     "commission", "panel", "meeting", "session"})


#: A head of a government named by its place: "Premier of Northgate", "Mayor of Springfield", "the
#: Prime Minister of Northgate".
_HEAD_OF = re.compile(r"^(?:the[ \t]+)?(?:(?:deputy|acting|former)[ \t]+)?(?P<title>(?i:premier|governor|(?:lord[ \t]+)?mayor|"
                      r"prime[ \t]+minister|chief[ \t]+minister|first[ \t]+minister))[ \t]+of[ \t]+(?:the[ \t]+)?"
                      r"(?P<place>[A-Z][\w'\-]{1,30}(?:[ \t][A-Z][\w'\-]{1,30}){0,2})\.?$")


#: A minister's title naming the ministry: "Deputy Minister of Health", "Minister for Transport and Roads".
_MINISTER_OF = re.compile(r"(?:^|,[ \t]{0,3})(?:the[ \t]+)?(?:(?:deputy|vice|assistant|junior|associate|acting|former)[ \t]+)?"
                          r"(?i:minister)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
                          r"(?P<area>[A-Z][\w'\-]{1,30}(?:[ \t](?:[A-Z][\w'\-]{1,30}|and|&|of|the)){0,6})\.?[ \t]{0,3}$", re.I)


#: A minister's title in Spanish, Portuguese or Italian: "Ministra de Justicia", "Ministro da Saúde", "Ministro della Salute".
_MINISTRO = re.compile(r"(?:^|,[ \t]{0,3})(?:(?:vice|vice-)?(?i:ministr[oa]))[ \t]+(?P<link>de|del|da|do|das|dos|della|dello|dell')[ \t]*"
                       r"(?P<area>[A-ZÀ-Þ][\w'\-]{1,30}(?:[ \t](?:[A-ZÀ-Þ][\w'\-]{1,30}|y|e|ed|de|del|da|do|della|la|las|los)){0,6})\.?[ \t]{0,3}$")


def government_of(title: str) -> str:
    """The government a head of government's title names: "Premier of Northgate" -> "Government of
    Northgate", "Mayor of Springfield" -> "City of Springfield"; a minister's, the ministry:
    "Deputy Minister of Fisheries" -> "Ministry of Fisheries"; "" for any other title (a place
    that is an organization's name, "Governor of the Acme Bank", is no government)."""
    minister = _MINISTER_OF.search(title)
    if minister and minister["area"].split()[0].lower() != "state":  # ("Minister of State for Trade": a rank)
        return f"Ministry of {minister['area'].rstrip(' .')}"
    ministro = _MINISTRO.search(title)
    if ministro:  # "Ministra de Justicia y Derechos Humanos" -> "Ministerio de Justicia y Derechos Humanos"
        link = ministro["link"].lower()
        house = "Ministério" if link in ("da", "do", "das", "dos") else "Ministero" if link.startswith("dell") else "Ministerio"
        return f"{house} {ministro['link']} {ministro['area'].rstrip(' .')}"
    for part in reversed([p.strip() for p in title.split(",") if p.strip()]):
        m = _HEAD_OF.match(part)
        if m and not ORG_WORDS.search(m["place"]):
            return ("City of " if "mayor" in m["title"].lower() else "Government of ") + m["place"]
    return ""


#: A name's honorific before it and post-nominal letters after it: "The Hon. Jane Roe MP", "Rt Hon John Doe QC".
_HONORIFIC = re.compile(r"^(?:the[ \t]+)?(?:(?:rt\.?|right)[ \t]+)?(?:hon\.?|honourable|honorable)[ \t]+", re.I)
_POST_NOMINALS = re.compile(r"(?:,?[ \t]{1,3}(?:MP|MPP|MLA|MHA|MNA|MSP|MS|TD|QC|KC|SC|AO|AC|AM|OAM|MBE|OBE|CBE|KBE|DBE|"
                            r"PC|JP|FRS|FRCP|PhD)\b){1,4}\.?$")


def _bare_name(name: str) -> str:
    """A witness's name without "The Hon." before it or "MP", "QC" after it: "The Hon. Jane Roe MP" -> "Jane Roe"."""
    return _POST_NOMINALS.sub("", _HONORIFIC.sub("", name.strip())).strip()


def _witness_org(rest: str) -> str:
    """The organization of a witness line's "Title, Organization": an organization-shaped name,
    else the last part after a job title ("President, Campaign for Clean Air"), or the government a
    head of government's title names ("MP, Premier of Northgate")."""
    rest = re.sub(r"^(?:Jr|Sr|II|III|IV)\.?,\s*", "", rest.strip())  # "Jane Roe, Jr., Former Chairman, Acme"
    government = government_of(rest)
    if government:
        return government
    if ";" in rest:  # "General Manager, Acme; Global Head of Toys, Apex Inc.": the first title's organization
        return next((o for o in (_witness_org(part) for part in rest.split(";")) if o), "")
    org = org_of_phrase(rest)
    if org and not JOB_TITLE.search(org):  # not "Group Executive" of "Group Executive, Corporate Relations, Acme"
        return org
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    titled = re.fullmatch(r"(?P<org>[A-Z][\w&.'\-]{1,30}(?:[ \t][A-Z][\w&.'\-]{1,30}){0,2})(?:[ \t]|-(?=[A-ZÄÖÜ]))"
                          r"(?P<title>[\w\- ]{2,40})", parts[0]) if len(parts) == 1 else None
    if titled and _ENDS_IN_TITLE.search(titled["title"]) and not JOB_TITLE.search(titled["org"]) \
            and not _TITLE_MODS & set(titled["org"].lower().split()):
        return _strip_legal_tail(titled["org"])  # "Acme President", "ACME-Präsident": the company, then the title
    if len(parts) >= 2 and JOB_TITLE.search(parts[0]) and parts[-1][:1].isupper() and not JOB_TITLE.search(parts[-1]):
        return _strip_legal_tail(parts[-1])
    of = _TITLE_OF.match(parts[-1]) if parts else None
    if of and JOB_TITLE.search(of["title"]) and not JOB_TITLE.search(of["org"]):
        return _strip_legal_tail(of["org"])  # "Inspector General of the Northgate Food Authority"
    return ""


#: A title, then the organization it is held in: "Inspector General of the Northgate Food Authority", "Head of Acme Labs".
_TITLE_OF = re.compile(r"(?P<title>[A-Za-z][\w\- ]{1,60}?)[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?(?P<org>[A-Z][\w&.'\-]{1,30}"
                       r"(?:[ \t][A-Z&][\w&.'\-]{0,30}){0,5})$")


#: Words of a job title ("Dana Roe, VP & Deputy General Counsel", "Jane Roe, President, Acme"):
#: the one list the header, front-matter and signature readers share.
JOB_WORDS = ("vp", "svp", "evp", "vice", "president", "chief", "officer", "counsel", "director", "head", "manager",
             "secretary", r"spokes\w+", "founder", "ceo", "cfo", "coo", "cto", r"chair\w*", "executive",
             "administrator", "commissioner", "professor", "fellow", "partner", "attorney", "editor", "reporter",
             "correspondent", "anchor", "host", "columnist", "producer", "writer", "engineer", "analyst", "lead",
             "senior", "associate", "assistant", "specialist", "coordinator", "advisor", "adviser", "consultant",
             "intern", "supervisor", "representative", "scientist", "researcher", "member", "trustee", "treasurer",
             "investigator", "inspector", "auditor", "examiner", "owner", "co-owner", "proprietor",
             # the same titles in the languages the records come in ("DFB-Präsident", "portavoz", "Sprecherin")
             "präsident", "präsidentin", "presidente", "président", "présidente", r"sprecher\w*", "portavoz", "porta-voz",
             "direttore", "direttrice", "responsabile", "responsable", "jefe", "jefa", r"leiter\w*",
             r"vorsitzende\w*", r"geschäftsführer\w*", "directeur", "directrice", "directora", "diretor", "diretora")
JOB_TITLE = re.compile(r"(?i)\b(?:" + "|".join(JOB_WORDS) + r")\b")
def title_only(name: str) -> bool:
    """Is ``name`` a job title and nothing more ("Vice-President", "Deputy Chief Executive"), no
    organization's name: a memo "FROM: Vice-President, Administration" names no sender's organization."""
    words = [w for w in re.split(r"[\s\-/]+", name.lower().strip(" ,.")) if w and w not in ("of", "the", "and", "&")]
    return bool(words) and all(JOB_TITLE.fullmatch(w) or w in _TITLE_MODS or w in ("deputy", "acting", "general", "managing")
                               for w in words)


#: Words that make a title, not a name, before a job word ("Staff Writer", "Contributing Editor").
_TITLE_MODS = frozenset({"staff", "contributing", "guest", "freelance", "special", "political", "national", "foreign",
                         "managing", "deputy", "acting", "interim", "general", "principal", "distinguished", "former",
                         "founding", "executive", "news", "city", "local", "world", "sports", "features", "opinion"})
#: An organization's name (one to three capitalized words) that a job title follows: "Acme CEO".
_NAME_BEFORE_TITLE = re.compile(r"(?P<name>[A-Z][\w&.+'-]{0,30}(?:\s[A-Z][\w&.+'-]{0,30}){0,2})\s(?=(?i:" + "|".join(JOB_WORDS) + r")\b)")


#: A phrase whose last word is a job word: a title ("Group Technical Director"), not a name.
_ENDS_IN_TITLE = re.compile(r"(?i)\b(?:" + "|".join(JOB_WORDS) + r")[ \t.]{0,2}$")


def _without_team(name: str) -> str:
    """A company's name without the team of it a signature names: "Acme product team" -> "Acme"."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in ("team", "unit", "division", "desk", "department", "office"):
        return name
    words.pop()
    while len(words) > 1 and words[-1].lower() in _UNIT_WORDS:
        words.pop()
    return " ".join(words)


def _is_unit(part: str) -> bool:
    """Is a phrase a unit of an organization ("U.S. Security Public Policy", "Corporate Affairs")?"""
    words = set(re.findall(r"[a-z]{2,}", part.lower()))
    return bool(words) and words <= _UNIT_WORDS and part[:1].isupper()


def _is_short_name(part: str) -> bool:
    """A capitalized name of one to four words, no figure, no title, no unit: an organization's
    name where a signature's last part stands."""
    return part[:1].isupper() and len(part.split()) <= 4 and not re.search(r"\d", part) \
        and not JOB_TITLE.search(part) and not _is_unit(part) and not _PLACE_ONLY.match(part)


def _strip_legal_tail(name: str) -> str:
    """A name without a bracketed tail ("Acme (NZ)") or a leading "Headquarters" ("HEADQUARTERS ACME
    DEFENCE FORCE" heads the force's own records)."""
    name = re.sub(r"^(?i:headquarters|hq)\s+(?=\S+\s+\S)", "", name.strip())
    return re.sub(r"(?<!\s)\s*\((?:[^()]{0,40})\)\s*$", "", name).strip(" .,")


#: Legal forms written in capitals after a name in capitals ("ACME AB", "ACME OYJ", "ACME SE").
_LEGAL_FORMS = frozenset({"AB", "ASA", "AS", "OY", "OYJ", "SA", "SE", "SAS", "SPA", "NV", "BV", "AG", "KK", "PLC", "LLC",
                          "LLP", "LP", "PTY", "SRL", "SARL"})


def _title_word(word: str) -> str:
    """A word in capitals in title case, after an opening bracket or quote too: "(EUROPE)" -> "(Europe)"."""
    k = next((i for i, c in enumerate(word) if c.isalpha()), len(word))
    return word[:k + 1] + word[k + 1:].replace("İ", "i").lower()  # ("TEKSTİL" -> "Tekstil", no dot left over)


def _org_case(name: str) -> str:
    """A letterhead in capitals reads "APEX & ROE TOBACCO CORPORATION": give it title case."""
    letters = [c for c in name if c.isalpha()]
    if len(name) > 5 and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        # (the small words of other languages' names too: "ACME PER L'ENERGIA", "BANCO DE LA ACME")
        small = {"and", "of", "the", "for", "on", "in", "per", "di", "del", "della", "dei", "de", "des", "du", "la", "las", "los",
                 "le", "les", "van", "von", "der", "den", "und", "et", "y", "da", "do", "dos", "ve", "och", "og", "en"}
        words = []
        for n, w in enumerate(name.split()):
            low = w.lower()
            if n and low in small:
                words.append(low)
            elif n and w in _LEGAL_FORMS:
                words.append(w)  # "ACME SVERIGE AB", "ACME ASA": a legal form stays in capitals
            elif len(w) <= 6 and not re.search(r"[AEIOUY]", w) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?|[A-Z]{1,3}&[A-Z]{1,3}", w) \
                    or re.fullmatch(r"(?:[^\W\d_]\.){2,3}", w) and w.isupper() \
                    or re.fullmatch(r"(?:[A-Za-z]{1,2}\.){2,}[A-Za-z]?\.?", w) and any(c.islower() for c in w):
                words.append(w)  # "B&W", "USA", "NA", "RCMP", "A.P.", "S.A", "AG&E", "S.p.A."
            elif re.fullmatch(r"Ma?c[A-Z]{2,}", w):
                words.append(w[:w.index("c") + 2] + w[w.index("c") + 2:].lower())  # "McROE" -> "McRoe"
            elif re.fullmatch(r"[A-Za-z]{1,2}['’][A-Za-z]{2,}", w):
                head, mark, rest = re.split(r"(['’])", w, maxsplit=1)
                words.append((head.lower() if n else head[:1] + head[1:].lower()) + mark + rest[:1].upper() + rest[1:].lower())
                # "L'ACME" -> "l'Acme" inside a name, "D'ROE" -> "D'Roe" first
            else:  # ("JUSTUS-ACME-UNIVERSITÄT" -> "Justus-Acme-Universität": each part of a hyphenated name)
                words.append("-".join(_title_word(p) for p in w.split("-")))
        return " ".join(words)
    return name


#: An agency's name: "U.S. Department of Energy", "Office of the State Auditor", "Ministry of Fair Trade".
_AGENCY = re.compile(r"^(?:(?:U\.S\.|United States|[A-Z][a-z]+)\s+){0,2}(?:Department|Office|Bureau|Ministry|"
                     r"Administration|Agency|Commission|Board|Secretariat|Inspectorate|"
                     # "Bank of Northgate", "University of Northgate", "Church of Northgate"
                     r"Bank|University|Church|Society|Authority|Council|Organi[sz]ation|Institute|Service)\s+(?:of|for)\s+(?:the\s+)?[A-Z]|"
                     # the same heads in the languages of other public bodies: "Secretaría de Pesca de Northgate",
                     # "Ministère de la Culture", "Comisión Nacional de Aguas", "Ministero della Cultura"
                     r"^(?:Secretar[ií]a|Minist[eé]rio|Ministerio|Minist[eè]re|Ministero|Procuradur[ií]a|Fiscal[ií]a|Comisi[oó]n|"
                     r"Comiss[aã]o|Commission|Direcci[oó]n|Dire[cç][aã]o|Direction|Instituto|Institut|Agencia|Ag[eê]ncia|Agence|"
                     r"Autoridad|Autorit[eé]|Gobierno|Governo|Gouvernement|Superintendencia|Consejo|Conselho|Conseil|Banco|Banque|"
                     r"Servicio|Servi[cç]o|Service|Secr[eé]tariat|Tribunal|Contralor[ií]a|Defensor[ií]a|Caja|Empresa|Compa[ñn][ií]a|"
                     r"Dipartimento|Departamento|D[eé]partement|Presidenza|Procura|Servizio|Agenzia|Istituto|Direzione|Ufficio|Autorit[aà])"
                     r"(?:\s+[A-ZÀ-Þ][\w\-]{1,20}){0,2}\s+(?:de|del|de\s+la|de\s+los|des|du|de\s+l['’]|della|dello|degli|di|do|da|dos|das)\s+[A-ZÀ-Þ]|"
                     # a German-speaking state, city or canton by its place: "Land Northgate", "Stadt Northgate"
                     r"^(?:Land|Freistaat|Bundesland|Stadt|Kanton|Landkreis|Gemeinde)\s+[A-ZÀ-Þ][\w\-]{2,30}$")
#: An agency's name in capitals ending in what it is: "UNITED STATES PROTECTIVE SERVICE", "NORTHGATE NATIONAL POLICE".
_AGENCY_NAMED = re.compile(r"^(?:[A-Z][A-Z.'\-]{1,20}\s+){1,4}(?:SERVICE|AGENCY|ADMINISTRATION|COMMISSION|BUREAU|AUTHORITY|"
                           r"INSPECTORATE|POLICE|GUARD|MARSHALS?|CORPS|DIRECTORATE|REGULATOR|OMBUDSMAN)$")
#: Words of a company's own desk before "SERVICE" ("ACME CUSTOMER SERVICE"), never an agency's.
_DESK_WORDS = _UNIT_WORDS | {"customer", "customers", "client", "clients", "guest", "guests", "member", "members",
                             "user", "users", "after-sales", "field", "food", "news", "press", "media", "car", "delivery"}


def _agency_named(name: str) -> bool:
    """Is a name in capitals an agency's by its last word ("UNITED STATES PROTECTIVE SERVICE"), not
    a company's desk ("ACME CUSTOMER SERVICE")?"""
    return bool(_AGENCY_NAMED.search(name)) and not {w.lower() for w in name.split()[:-1]} & _DESK_WORDS


#: A line giving the period a report covers, not the date it was written.
_PERIOD_END = re.compile(r"(?i)\b(?:period ended|periods ended|year ended|quarter ended|ended|ending|fiscal year)\b")
#: A release's line naming whose records it holds: "Documents produced by Acme Plc -- Bundle C".
_PRODUCED_BY = re.compile(r"(?i:documents?|records?|materials?|e-?mails?|papers|correspondence)[ \t]{1,3}(?i:produced|disclosed|provided)"
                          r"[ \t]{1,3}(?i:by)[ \t]{1,3}(?i:(?:or[ \t]{1,3})?on[ \t]{1,3}behalf[ \t]{1,3}of[ \t]{1,3})?"
                          r"(?P<org>[A-Z][\w&.'\- ]{1,60}?)[ \t]{0,3}(?:--|[-–—(,;:]|$)")
#: An organization's own marking of its record: "Acme Confidential", "Acme Internal Use Only".
_MARKED_BY = re.compile(r"(?P<org>[A-Z][\w&.'\-]{1,30}(?: [A-Z][\w&.'\-]{1,30}){0,3}) (?i:confidential|internal|restricted|proprietary)\b")
#: A letter's salutation: "Dear Sir:", "Dear Representative Roe,".
_SALUTATION = re.compile(r"(?m)^[ \t]{0,8}(?:Dear|"
                         # a letter's opening in the languages letters come in: "Senhor Presidente,", "Estimada Sra. Roe:"
                         r"Senhor|Senhora|Prezado|Prezada|Señor|Señora|Estimado|Estimada|Monsieur|Madame|"
                         r"Sehr[ \t]geehrte[rs]?|Gentile|Egregio|Geachte)[ \t]{1,4}[A-Z][^\n,:]{0,60}[,:]?[ \t]{0,8}$")
#: The form line of a securities filing: its banner names the regulator, not the filer.
_FILING = re.compile(r"(?im)^\W{0,4}form\s+(?:10-?[kq]|8-?k|s-1|20-?f|6-?k|def\s?14a)\b")


#: A securities filing's form line naming its registrant: "FORM 10-K - ACME INC.".
_FORM_OF = re.compile(r"(?i)^\W{0,4}form\s+(?:10-?[kq]|8-?k|s-1|20-?f|6-?k|def\s?14a)[ \t]{1,4}(?:--|[-–—|:])[ \t]{1,4}(?P<org>\S.{1,80})$")


#: A party's paper under a court's caption: "RESPONSE OF ACME POWER COMPANY TO THE COURT'S
#: QUESTIONS", "COMMENTS OF NORTHGATE GAS ON THE PROPOSED RULE": the party filed it.
_FILER = re.compile(r"(?m)^[ \t]{0,8}(?:RESPONSE|REPLY|MOTION|BRIEF|COMMENTS|OPPOSITION|ANSWER|OBJECTIONS?|SUBMISSION|"
                    r"STATEMENT|DECLARATION|PETITION|APPLICATION)[ \t]{1,3}(?:OF|BY)[ \t]{1,3}"
                    r"(?:(?:DEFENDANT|PLAINTIFF|RESPONDENT|PETITIONER|APPLICANT)S?[ \t]{1,3})?"
                    r"(?P<org>[A-Z][A-Z&.,'\- ]{2,80}?)[ \t]{1,3}(?:TO|IN|REGARDING|ON|FOR|CONCERNING)\b")


#: An exhibit's caption: a record produced in a case, filed under the court's name.
_EXHIBIT = re.compile(r"(?i)\bexhibit\b|\bproduced (?:from|by|in)\b|\bbates\b")


#: A brand written with a lower-case head and a capital inside ("acmeJet", "eAcme", "iNorth"): a name.
_CAMEL_BRAND = re.compile(r"[a-z]{1,5}[A-Z][A-Za-z0-9]{1,20}")


#: The first word of a marking ("NOT FOR DISTRIBUTION ...", "PROTECTED B -- INTERNAL"), never a name.
_MARKING_FIRST = re.compile(r"(?i)\W{0,4}(?:not|do not|don't|for internal|internal|confidential|strictly|privileged|official|"
                            r"sensitive|(?:top )?secret|classified|unclassified|protected|restricted)\b")


def _letterhead(line: str) -> str:
    """A line that is only an organization's name: "APEX RESEARCH AND ENGINEERING COMPANY". A
    letterhead set out in columns ("Department of Labor        Memorandum") is read in its
    first column: the others name the form, not the organization."""
    columns = re.split(r"[ \t]{3,}|\t", line.strip())
    if len(columns) == 2 and set(columns[0].lower().split()) <= _FORM_WORDS:
        columns = columns[1:]  # "MEMORANDUM            CITY OF NORTHGATE": the form, then the name
    text = re.sub(r"^(?i:before[ \t]{1,3}the)[ \t]{1,3}(?=[A-Z])", "", _clean(columns[0]))
    # ("Before the NORTHGATE TRADE COMMISSION" heading its order: the commission)
    text = re.sub(r"\s\((?:[A-Z]{2,6}(?:[ :][A-Z0-9.]{1,8})?|[A-Z]{2,6}:\s?[A-Z0-9.]{1,8}|[A-Z]{2,6}(?:\.[A-Z]{1,6}){1,2})\)$", "", text)
    # ("Acme Limited (ASX: ACM)", "NORTHGATE AVIATION AUTHORITY (NAA.NG)")
    if text.endswith(".") and _ENDS_LEGAL.search(text):
        text = text[:-1]  # "ACME, INC.", "ACME PER L'ENERGIA S.p.A.": the period ends the legal form, not a sentence
    first = re.split(r"\s(?:--|[-–—|])\s|,(?!\s*(?i:inc|corp|ltd|llc|plc|co)\b\.?\s*$)", text)[0].strip()
    first = _SHORT_NAME.sub("", first).strip() if first != text.strip() else first
    dashed = re.split(r"\s(?:--|[-–—|])\s", text)
    second = _SHORT_NAME.sub("", dashed[1]).strip() if len(dashed) == 2 else ""
    if second and _AGENCY.match(_org_case(first)) and _AGENCY.match(_org_case(second)) \
            and not set(second.lower().split()) & (_FORM_WORDS - {"and", "for", "of", "office"}):
        first = second  # "MINISTRY OF NORTHGATE AFFAIRS -- SERVICE FOR EASTMOOR CHILDREN (SEC)": the body under
        # the ministry that writes, not the ministry over it
    # ("ACME MANUFACTURING PVT. LTD. (ACMEGEN) -- WORK ORDER": the name, its short form, then the form)
    unit, _, parent = text.partition(", ")
    if unit == first and unit.split()[-1:] and unit.split()[-1].lower() in _UNIT_HEADS and "," not in parent \
            and (_AGENCY.match(parent) or GOVERNMENT_NAME.match(parent)):
        first = parent.strip()  # "Rail Group, Department of Northgate Transit": a unit, then the body it belongs to
    if not (4 <= len(text) <= 90) or text.endswith((".", "?", "!")) or ":" in first:
        return ""  # (a time after the name is no label: "ACME AS — Northgate, 31 July 2020, 14:05")
    words = first.split()
    public_body = first.isupper() and len(words) >= 2 and words[-1].lower() in _PUBLIC_BODY_HEADS \
        and not any(w.lower() in _FORM_WORDS - {"internal", "office"} or w.lower() in _SERVICE_DESKS for w in words)
    # (not "ACME CUSTOMER SERVICE -- TICKET EXPORT": a company's desk, whose records are the company's)
    if _MARKING_FIRST.match(first) and not public_body:
        return ""  # "NOT FOR DISTRIBUTION OUTSIDE THE COMPANY": a marking, however it ends (not "INTERNAL REVENUE
        # SERVICE": a public body's name in capitals, its last word the body's kind)
    last = (ORG_WORDS.search(first.split()[-1]) or first.split()[-1] in _NORDIC_FORMS or public_body) if first.split() else None
    if not last and not _AGENCY.match(first) and not GOVERNMENT_NAME.match(_org_case(first)) \
            and not (first.isupper() and (_AGENCY.match(_org_case(first)) or _agency_named(first))):
        return ""  # the name ends with its legal or sector word ("... Corporation"), or is an
        # agency's ("Department of Justice"); a headline is neither
    words = first.split()
    if len(words) == 1 and ORG_WORDS.fullmatch(words[0].lower()):
        return ""  # "Administration" alone: a heading's wrapped last word, no name
    # ("acme group plc": a brand written in lower case, its legal form after it)
    lower_brand = first.islower() and len(words) <= 4 and bool(_ENDS_LEGAL.search(first)) \
        and words[0] not in ("the", "a", "an", "our", "its", "their")
    longest = 10 if _AGENCY.match(_org_case(first)) else 8  # ("Civil Aviation Organization of the Republic of Northgate")
    named = words[:-1] if len(words) > 1 and _ENDS_LEGAL.search(words[-1]) else words  # ("Acme Health plc")
    if len(words) > longest or not lower_brand and not all(w[:1].isupper() or w[:1] in "&(" or w.lower() in ("and", "of", "the", "for")
                                                           or _CAMEL_BRAND.fullmatch(w) for w in named):  # ("acmeJet plc")
        return ""
    if re.match(r"(?i)(?:committee|subcommittee|(?:(?:united states|u\.s\.)\s+)?(?:house|senate|congress)\b|"
                r"(?:united states|u\.s\.)\s*$)", first):
        return ""  # a hearing's committee is who holds it, not who speaks
    return _org_case(_strip_legal_tail(first))


#: Words of a company's service desk, not of a public body: "Acme Customer Service".
_SERVICE_DESKS = frozenset({"customer", "customers", "client", "clients", "technical", "support", "field", "guest",
                            "member", "members", "passenger", "press", "news", "media", "after-sales", "care"})
#: A unit's name by its first word, in the languages records come in: "Direction des Ressources Humaines",
#: "Department of Group Finance", "Abteilung Recht", "Dirección de Planificación".
_UNIT_FIRST = re.compile(r"(?i)(?:direction|department|division|directorate|office|team|unit|group\s+(?:finance|legal|hr|it)|"
                         r"dirección|departamento|gerencia|diretoria|abteilung|bereich|servizio|ufficio|afdeling|"
                         r"coordinaci[óo]n|subgerencia|subdirecci[óo]n|jefatura|coordena[çc][ãa]o|ger[êe]ncia)\b")
#: A company's unit by its first word, in the languages records come in ("Gerencia de Ciberdefensa, Acme",
#: "Coordinación de Recursos Humanos, Acme"): the company named after it is the writer's.
_COMPANY_UNIT_FIRST = re.compile(r"(?i)(?:gerencia|subgerencia|coordinaci[óo]n|jefatura|coordena[çc][ãa]o|ger[êe]ncia|diretoria)\b")
#: The last word of a public body's name in capitals: "INTERNAL AFFAIRS SERVICE", "NORTHGATE POLICE".
_PUBLIC_BODY_HEADS = frozenset({"service", "police", "directorate", "inspectorate", "ombudsman", "regulator", "constabulary",
                                "tribunal", "secretariat"})
#: A unit's last word, before the body it belongs to ("Rail Group, Department of Northgate Transit").
_UNIT_HEADS = frozenset({"group", "division", "unit", "team", "directorate", "branch", "section", "office", "bureau",
                         "service", "services", "secretariat", "directorate-general"})
#: Company forms written in capitals after a Nordic company's name ("ACME AS", "Acme Oy"): a legal
#: form there, never the English word.
_NORDIC_FORMS = frozenset({"AS", "ASA", "AB", "Oy", "Oyj", "ApS", "hf", "ehf"})
#: A government named by its place: "City of Northgate", "Town of Eastmoor", "Government of Northgate".
GOVERNMENT_NAME = re.compile(r"(?:City|Town|Municipality|Borough|Village|Shire|Government)[ \t]of[ \t](?:the[ \t])?[A-Z]")
# (not "STATE OF NORTHGATE" nor "COUNTY OF EASTMOOR" over a court's caption: the jurisdiction, not a party)
#: Words of a record's form or marking, never of the name heading it ("TRIP REPORT", "MEMORANDUM").
_FORM_WORDS = frozenset({
    "report", "memorandum", "memo", "minutes", "notes", "note", "summary", "agenda", "draft", "confidential",
    "privileged", "correspondence", "letter", "statement", "release", "transcript", "fax", "facsimile", "telex", "telegram", "cable", "notice", "bulletin", "update", "internal", "personal",
    "private", "secret", "restricted", "proprietary", "only", "use", "do", "not", "copy", "distribute", "forward",
    "for", "attorney", "client", "work", "product", "medical", "strictly", "highly", "inter", "office", "interoffice",
    "inter-office", "subject", "re", "to", "from", "date", "file", "record", "records", "exhibit", "page", "slide",
    "deck", "presentation", "reconstruction", "excerpt", "urgent", "important", "fyi", "attention", "attn", "and",
    "the", "of", "a", "in", "on", "plaintiff", "plaintiffs", "defendant", "trial", "deposition", "production",
    "produced", "trip", "visit", "call", "meeting", "briefing", "talking", "points", "chat", "thread", "message",
    "messages", "email", "e-mail", "log", "export", "survey", "study", "results", "findings", "review", "analysis",
    "overview", "plan", "proposal", "status", "weekly", "monthly", "annual", "quarterly", "daily", "lessons",
    "learned", "field", "form", "checklist", "worksheet", "distribution", "outside", "test", "result", "sheet",
    "datasheet", "investigation", "inquiry", "incident", "formal", "interim", "final", "official", "sensitive", "classified",
    "unclassified",
    # the same in the languages records come in ("MEMORANDO INTERNO - RESERVADO", "NOTA INTERNA", "AKTENVERMERK")
    "memorando", "interno", "interna", "reservado", "reservada", "confidencial", "nota", "informe", "acta", "oficio",
    "circular", "vertraulich", "intern", "aktennotiz", "aktenvermerk", "riservato", "riservata", "interne", "confidentiel",
    # a table's kind: "spreadsheet", "tracker", "register" ("planilha", "hoja de cálculo", "tabella")
    "spreadsheet", "tracker", "planilha", "hoja", "tabella", "tabela"})


#: A record's title line naming its owner, then the kind of record: "Acme Health - Follow-up spreadsheet",
#: "# Acme - Planilha de acompanhamento" (a comment line over a table).
_NAME_OVER_FORM = re.compile(r"[ \t]{0,4}#?[ \t]{0,4}(?P<org>[A-Z][\w&.'’]{1,30}(?:[ \t][A-Z][\w&.'’]{1,30}){0,4})"
                             r"[ \t]{1,3}(?:--|[-–—|])[ \t]{1,3}(?:[A-Z][\w\-]{0,20}[ \t]){0,2}?(?P<form>[A-Za-z]{2,20})\b")


_TABLE_KINDS = frozenset({"spreadsheet", "tracker", "register", "log", "planilha", "hoja", "tabella", "tabela", "registro"})


#: A body set up inside an organization, named by what it does: "Incident Recovery Working Group",
#: "Response Task Force", "Data Team".
_WORKING_BODY = re.compile(r"(?i)\b(?:working|steering|project|response|recovery|review|incident)[ \t]{1,3}(?:group|team)$|"
                           r"\b(?:task[ \t]?force|team|unit|desk|cell)$")


def _in_house(name: str) -> bool:
    """Is a name heading a notice an in-house channel or unit ("Intranet", "DIGITAL SERVICES", "IT")?"""
    return set(re.findall(r"[a-z]+", name.lower())) <= _UNIT_WORDS | {"intranet", "internal", "staff", "it", "hr", "digital",
                                                                     "employee", "employees", "site", "canteen", "estates"}


#: A heading naming whose statement it is: "JOINT MEDIA STATEMENT BY THE MINISTRY OF FAIR TRADE".
_STATEMENT_BY = re.compile(r"^\W{0,4}(?i:(?:joint[ \t])?(?:media[ \t]|press[ \t])?statement[ \t](?:by|from|of)[ \t](?:the[ \t])?)"
                           r"(?P<org>[A-Z][^\n]{2,120})$")
#: A person's name, perhaps with an honorific: "Jane Roe", "Dr Jane O'Roe".
_PERSON_NAME = re.compile(r"(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms)\.?\s)?[A-ZÀ-Þ][\w'’\-]{1,20}(?:\s[A-ZÀ-Þ][\w'’\-]{1,20}){1,2}")
#: A line crediting the words below to a person: "Statement attributed to Jane Roe, General Counsel:".
_ATTRIBUTED = re.compile(r"^(?i:statement|comments?|remarks|quote)[ \t]{1,3}(?i:attributed[ \t]{1,3}to|from|by)[ \t]{1,3}"
                         r"(?P<name>[A-Z][\w.'’\-]{1,30}(?:[ \t][A-Z][\w.'’\-]{1,30}){1,3})(?:,[^\n:]{2,120})?:?[ \t]{0,4}$")
#: A release's own heading on a line of its own, under the name that issues it: "Media release".
_RELEASE_HEADING = re.compile(r"(?i)(?:[^\n/]{3,40}[ \t]/[ \t])?"  # its heading in two languages: "Fréttatilkynning / Press statement"
                              r"(?:(?:press|media|news)[ \t](?:release|statement|information)|statement(?:[ \t]and[ \t][a-z]{3,20})?|"
                              # other languages' releases: "Comunicado de prensa", "Communiqué de presse", "Comunicato stampa"
                              r"comunicado(?:[ \t]de[ \t](?:prensa|imprensa))?|nota[ \t]de[ \t]prensa|communiqu[ée](?:[ \t]de[ \t]presse)?|"
                              r"comunicato[ \t]stampa|pressemitteilung|persbericht|"
                              # "PUBLIC NOTIFICATION" under the body's name: its own notice to the public
                              r"public[ \t](?:notification|notice|announcement))"
                              # its number: "Pressemitteilung Nr. 214 / 2019 - 9. Dezember 2019", "Press release No. 12/2019"
                              r"(?:[ \t]{1,3}(?:Nr|No|N[º°o]|Núm|Num)\.?[ \t]{0,2}[\w]{1,8}(?:[ \t]{0,2}/[ \t]{0,2}\d{2,4})?)?"
                              r"(?:[ \t]{1,3}\([^()\n]{1,30}\))?"  # "STATEMENT (English version) - Rome, 20 October"
                              r"(?:[ \t]{1,4}(?:--|[-–—|:])[ \t]{1,4}[^\n]{1,60}|[ \t](?:on|regarding|about|concerning)[ \t][^\n]{1,120})?[ \t]{0,4}$")  # ("... - FOR IMMEDIATE RELEASE")
#: A transcript of an organization's own call or meeting, from its recording: "Transcript prepared
#: from audio recording of Acme teleconference", "Recording of the Acme internal meeting".
_RECORDED_CALL = re.compile(r"(?i:\b(?:transcript|recording)\b)[^\n]{0,60}?\b(?i:of)[ \t]{1,3}(?:(?i:an?|the)[ \t]{1,3})?"
                            r"(?P<org>[A-Z][\w&.\-]{1,30}(?:[ \t][A-Z][\w&.\-]{1,30}){0,3})[ \t]{1,3}(?i:internal[ \t]{1,3})?"
                            r"(?i:teleconference|conference[ \t]call|video[ \t]call|call|meeting)\b")
#: A heading naming the letter a page gives: "Published text - letter from Jane Roe to John Doe, President".
_LETTER_FROM = re.compile(r"\b(?i:letter)[ \t]{1,3}(?i:from)[ \t]{1,3}(?P<name>[A-Z][\w.'’\-]{1,30}(?:[ \t][A-Z][\w.'’\-]{1,30}){1,3})"
                          r"[ \t]{1,3}(?i:to)[ \t]{1,3}[A-Z]")
#: A letter's salutation to the public an organization answers to: "Dear Shareholder,", "Dear Customers,".
_PUBLIC_SALUTATION = re.compile(r"(?im)^[ \t]{0,4}dear[ \t]{1,3}(?:fellow[ \t]{1,3}|valued[ \t]{1,3})?(?:shareholders?|stockholders?|"
                                r"customers?|clients?|members?|passengers?|investors?|policyholders?|depositors?|"
                                r"parents?(?:[ \t]and[ \t]carers)?|residents?|patients?|supporters?|subscribers?)[ \t]{0,2}[,:]")
#: A line that goes on from the line above: "AND THE MINISTRY OF FAIR TRADE".
_GOES_ON = re.compile(r"(?i)(?:and|or|of|for|to|by|with|in|on)\b")


#: Small words joining a name's words ("ACME GAS AND ELECTRIC", "BANK OF NORTHGATE").
_CONNECTORS = frozenset({"and", "of", "the", "for", "in", "on", "a"})


def _named_again(name: str, head: str) -> bool:
    """Is a name in capitals ("ACME") named by the text below it in its own case ("Acme said"), twice: a
    name the document speaks of, not a place in a dateline?"""
    return bool(re.fullmatch(r"[A-Z]{3,12}", name)) and len(re.findall(r"\b" + re.escape(name.capitalize()) + r"\b", head)) >= 2


def _initials_of(short: str, name: str) -> bool:
    """Is ``short`` one word of capitals standing for ``name`` ("NSA", "NORTHGATE SHIPPING AUTHORITY"):
    its letters, first to first, are initials of the name's words in order?"""
    if not re.fullmatch(r"[A-Z]{2,8}", short):
        return False
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’\-]*", name)).upper()
    return bool(initials) and initials[0] == short[0] and _in_order(short, initials)


def _letters_of(short: str, name: str) -> bool:
    """Is ``short`` (capitals, three to eight letters) made of letters of ``name`` in order, from the start of
    one of its words on ("NOWASCO" of "NORTHGATE WATER AND SANITATION COMPANY")?"""
    if not re.fullmatch(r"[A-Z]{3,8}", short):
        return False
    words = re.findall(r"[^\W\d_]+", name.upper())
    return any(w[0] == short[0] and _in_order(short, "".join(words[k:])) for k, w in enumerate(words))


def _in_order(part: str, whole: str) -> bool:
    """Are the letters of ``part`` found in ``whole`` in the same order? (extract/attribution.py keeps the same
    three lines: ingest and extract may not import each other.)"""
    rest = iter(whole)
    return all(c in rest for c in part)


#: The genre of what an organization puts out, after its name in capitals: "MARKET ANNOUNCEMENT", "MEDIA STATEMENT".
_GENRE_TAIL = r"(?:MARKET|MEDIA|PRESS|NEWS|STOCK EXCHANGE)[ \t](?:ANNOUNCEMENT|RELEASE|STATEMENT|UPDATE)"
#: A legal form of several words after a name and its comma: ", S.A. DE C.V.", ", S.A.B. de C.V.", ", S. de R.L.".
_MX_LEGAL_TAIL = re.compile(r",?[ \t]{1,2}(?i:S\.[ \t]?A\.(?:[ \t]?B\.)?[ \t]{1,2}DE[ \t]{1,2}C\.[ \t]?V\.|S\.[ \t]DE[ \t]R\.[ \t]?L\.)[ \t]*$")


#: Words that make a "centre" an institution, not a place: "ACME MEDICAL CENTRE", "NORTHGATE CANCER CENTER".
_INSTITUTE_WORDS = frozenset({"medical", "health", "cancer", "research", "trauma", "science", "training", "data",
                              "operations", "rehabilitation", "heart", "eye", "diagnostic", "diagnostics"})


#: A name in capitals of two words or more, in brackets after a letterhead's name: the same name in another language.
_OTHER_TONGUE = r"[A-ZÀ-Þ][A-ZÀ-Þ'.\-]{1,30}(?:[ \t]{1,3}[A-ZÀ-Þ][A-ZÀ-Þ'.\-]{0,30}){1,6}"


def _capitals_name(line: str) -> str:
    """A short line in capitals that is only a name ("JOHNSON & ROE", "ACME -- RESEARCH
    DIVISION" read in its first part); "" for a form's heading or a marking ("TRIP REPORT")."""
    text = _clean(re.split(r"\s(?:--|[—–|/])\s|[ \t]{3,}", line.strip(), maxsplit=1)[0])  # "A.P. ROE - NORTHGATE" is one name
    text = re.sub(r"[ \t]{1,3}\((?:[^\x00-\u024F()\n]{1,30}|" + _OTHER_TONGUE + r")\)$", "", text)  # "FIRST
    # NORTHGATE BANK (北門銀行)", "MINISTRY OF FAIR TRADE (MINISTERIO DE COMERCIO JUSTO)": the name, then itself in another script or language
    text = re.sub(r"[ \t]{1,3}\([A-Z][A-Za-z&]{1,8}\)(?:[ \t]{1,3}[A-Z][A-Z\-]{2,20})?$", "", text)  # "NATIONAL REGISTRY OF
    # PERSONS (NRP)": the name ("ACME AEROMEDICAL CENTER (AeMC) FRANKFURT": and the city it is in)
    named, _, form = text.partition(" - ")
    if form and (any(w.lower().strip(".,'&()") in _FORM_WORDS for w in form.split())
                 or re.match(r"(?i)(?:press |media |news )?(?:statement|release)\b|(?:announcement|communiqu[ée]|comunicado|"
                             r"comunicato|presseerkl[äa]rung|pressemitteilung|persbericht)(?:[ \t]{1,3}\([^()\n]{1,40}\))?$",
                             form.strip())
                 or form.split()[-1].lower().strip(".,'&") in _UNIT_WORDS or _OFFICE.search(" " + form)):
        text = named.strip()  # "ACME - HAZARDOUS MATERIALS FIELD LOG": the name, then the form
        # ("ACME FINANCIAL - BROKERAGE OPERATIONS": the name, then its unit; "ACME POLICE - PRESS
        # BUREAU": the name, then its press office)
    elif form and _initials_of(named.strip(), form):
        text = named.strip()  # "NSA - NORTHGATE SHIPPING AUTHORITY": the short name, then the name it stands for
    elif form and (_initials_of(form.strip(), named) or _letters_of(form.strip(), named)):
        text = form.strip()  # "NORTHGATE SHIPPING AUTHORITY - NSA": the name, then its short form (or one made of
        # its syllables: "NORTHGATE WATER AND SANITATION COMPANY - NOWASCO")
    text = _MX_LEGAL_TAIL.sub("", text)  # "ACME DEL COBRE, S.A. DE C.V.": the name, then its legal form
    text = re.sub(r"[ \t]{1,2}" + _GENRE_TAIL + "$", "", text)  # "ACME MARKET ANNOUNCEMENT": the name, then its genre
    words = text.split()
    if not (1 <= len(words) <= 5) or not (3 <= len(text) <= 50) or re.search(r"[:;!?\[\]()<>@]", text) \
            or re.search(r"(?<![A-Za-z])\d|\d(?![A-Za-z\d])", text) and not re.fullmatch(r"(?:[A-Za-z&.'\-]*[A-Za-z]\d{1,2}|\d[A-Za-z]{1,3}|[A-Za-z&.'\-]+)(?:\s(?:[A-Za-z&.'\-]*[A-Za-z]\d{1,2}|\d[A-Za-z]{1,3}|[A-Za-z&.'\-]+))*", text):
        return ""  # (a name may hold a letter-and-digit word: "ACME F1 TEAM", "ACME A4"; not a number or a date)
    bare = re.sub(r"\bMa?c(?=[A-Z]{2})", "MC", text)  # ("ACME McROE RACING")
    legal = _ENDS_LEGAL.search(bare) if len(words) > 1 else None
    letters = [c for c in (bare[:legal.start()] if legal else bare) if c.isalpha()]  # ("ACME PER L'ENERGIA S.p.A.")
    if len(letters) < 3 or any(c.islower() for c in letters) or text.endswith(","):
        return ""
    institution = len(words) > 2 and words[-1].lower() in ("centre", "center", "hospital", "clinic", "institute", "college",
                                                          "university", "foundation", "laboratories", "laboratory")
    if any(w.lower().strip(".,'&") in _FORM_WORDS - _CONNECTORS for w in words if w.strip(".,'&")) and not institution \
            or _VENUE.match(text) or words[0].lower() == "a":  # (not "ACME MEDICAL CENTRE": an institution's name)
        return ""  # (a connector is no form word inside a name: "ACME HEALTH AND CARE", "ROE A ROE"; a heading
        # opening with "A" is no name)
    if re.match(r"(?i)(?:committee|subcommittee|house|senate|congress)\b|(?:united states|u\.s\.)(?:\s+of\s+america)?\s*$|"
                r"(?:united states|u\.s\.)\s+(?:of\s+america|senate|house|congress|court|district|government)\b", text):
        return ""  # (not "UNITED STATES PROTECTIVE SERVICE", an agency's letterhead)
    if _GOES_ON.match(text):
        return ""  # "AND THE MINISTRY OF FAIR TRADE": a heading's second line goes on from the first
    if _MARKING_FIRST.match(text):
        return ""  # "PROTECTED B -- INTERNAL", "RESTRICTED": a marking, no name
    if words[-1].lower().strip(".,") in _VENUE_WORDS and not (len(words) > 1 and words[-2].lower().endswith(tuple(_INSTITUTE_WORDS))):
        # ("ACME AEROMEDICAL CENTER": an institute's name, its kind a word ending in one of those)
        return ""  # "NORTHGATE HIGH SCHOOL AUDITORIUM -- STATE BRIEFING": where it was held, no one's name
    return _org_case(_strip_legal_tail(text.rstrip(",. ")))


def _two_spellings(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """A letterhead giving one name in two languages, "NORTHGATE MAIL AG / NORTHGATE MAIL LTD": the
    two names of one organization (each alone a name in capitals; a record's form after either is no name)."""
    for line in lines:
        other = re.fullmatch(r"(?P<a>[A-ZÀ-Þ][A-ZÀ-Þ&'.\- ]{3,80}?)[ \t]{1,3}\((?P<b>" + _OTHER_TONGUE + r")\)", line.strip())
        if other and not set(other["b"].lower().split()) & (_FORM_WORDS | {"excerpt", "extract", "translation", "draft"}):
            a, b = _capitals_name(other["a"]), _capitals_name(other["b"])
            if a and b and a != b:
                return ((a, b),)  # "MINISTRY OF FAIR TRADE (MINISTERIO DE COMERCIO JUSTO)": one name in two languages
        first, slash, second = line.strip().partition(" / ")
        if slash and "/" not in second and first.isupper() and second.isupper():
            if re.search(r"\s[-\u2013\u2014]{1,2}\s", first):
                continue  # "ACME -- IT-ENHETEN / IT UNIT": the name, then its unit in two languages
            a, b = _capitals_name(first), _capitals_name(second)
            if a and b and a != b and bool(_AGENCY.match(a)) == bool(_AGENCY.match(b)):
                # ("MINISTRY OF FAIR TRADE / ACME OIL": a ministry and a company hold the briefing, two names)
                return ((a, b),)
    return ()


#: A ship's name by its prefix: "MS Northgate", "MV ACME STAR", "RMS ...".
_VESSEL = re.compile(r"(?:MS|MV|M/V|SS|RMS|HMS|MT|FV)\.?[ \t]{1,3}[A-Z]")


def _form_letterhead(lines: list[str]) -> str:
    """The name heading a record as "NAME - FORM" in capitals ("ACME RAILWAY - HAZARDOUS MATERIALS
    FIELD LOG", "ACME - LESSONS LEARNED"): whose record it is, though nothing marks it internal."""
    head = lines[:8]
    for n, line in enumerate(head):
        if _VESSEL.match(line.strip()):
            continue  # "MS NORTHGATE - SHIP'S HOSPITAL": a ship, a place the owner's records come from, no owner
        named, dash, form = line.strip().partition(" - ")
        if dash and form.isupper() and any(w.lower().strip(".,'&()") in _FORM_WORDS for w in form.split()):
            name = _capitals_name(line)
            if name:
                return name
        below = next((x.strip() for x in head[n + 1:] if x.strip()), "")
        if (below.isupper() or len(below) <= 90 and below[:1].isupper() and not below.endswith((".", ":"))) \
                and any(w.lower().strip(".,'&()") in _FORM_WORDS - _CONNECTORS for w in below.split()):
            name = _capitals_name(line)
            if name and not below.isupper() and name.split()[-1].lower() in _UNIT_WORDS | {"assistance", "care", "center", "centre"}:
                name = ""  # "ACME CUSTOMER ASSISTANCE" over "Case response record": a unit, its owner named elsewhere
            name = name.split(" - ")[0].strip()  # "ACME BIO - NORTHSIDE" over "Batch tracker": the company, then its site  # "ACME RAIL" over "FORMAL INVESTIGATION - DERAILMENT AT ...": the name, then the
            # form ("ACME - INTEGRITY UNIT" over "REPORT SUMMARY: ...": the name and its unit, then the form;
            # "ACME WORKERS' GUILD - NORTH BRANCH" over "Representative's contact note": the same in its own case)
            if name:
                return name
    return ""


#: (The space around a marking is bounded: unbounded, every length of a lazy name ran to the end of a
#: long run of spaces.)
_MARKING = re.compile(r"^\W{0,4}(?:internal\s{1,80}(?P<a>[A-Z][\w&.'\- ]{1,40}?)\s{1,80}(?:correspondence|memorandum|memo|communication)"
                      r"|(?P<b>[A-Z][\w&.'\- ]{1,40}?)\s{0,80}(?:[-–—:|]\s{0,80})?(?:personal and |strictly |highly )?"
                      r"(?:confidential|internal use only|proprietary|restricted)"
                      # "CONFIDENTIAL - NOT FOR DISTRIBUTION OUTSIDE ACME": the organization it stays inside
                      r"|(?:confidential\s{0,80}[-–—:|]?\s{0,80})?(?:not for distribution|do not distribute|not to be (?:shared|distributed))"
                      r"\s{1,80}outside\s{1,80}(?:of\s{1,80})?(?:the\s{1,80})?(?P<c>[A-Z][\w&.'\- ]{1,40}?)"
                      # "CONFIDENTIAL - Acme Group Technical": the organization (and its unit) after the marking
                      r"|(?:strictly |highly )?confidential[ \t]{0,3}[-–—:|][ \t]{0,3}(?P<d>[A-Z][\w&.'\- ]{1,40}?))\W{0,4}$", re.I)
#: Words of a body inside an organization, never its name ("CONFIDENTIAL - Executive Committee").
_BODY_WORDS = frozenset({"committee", "board", "executive", "management", "staff", "leadership", "directors",
                         "employees", "members", "counsel", "council", "panel"})


def _marking_org(line: str) -> str:
    """The organization a record's marking line names: "INTERNAL ACME CORRESPONDENCE", "ACME -
    PERSONAL AND CONFIDENTIAL" -> "Acme"; "" for a marking alone ("ATTORNEY-CLIENT PRIVILEGED")."""
    if len(line) > 80:
        return ""
    m = _MARKING.match(line.strip())
    if not m:
        return ""
    name = (m["a"] or m["b"] or m["c"] or "").strip(" -–—:|*_")
    if m["d"]:
        if not m["d"][:1].isupper() or set(m["d"].lower().split()) & _BODY_WORDS \
                or (m["d"].isupper() and not ORG_WORDS.search(m["d"])):
            return ""  # ("STRICTLY CONFIDENTIAL - CMD": a body's initials, for all one can tell)
        name = m["d"].strip(" -–—:|*_").split()
        while len(name) > 1 and name[-1].lower() in _UNIT_WORDS | {"group"}:
            name.pop()  # "Acme Group Technical": the company, without its unit
        name = " ".join(name)
    words = [w.strip(".,'&") for w in name.split()]
    if not (1 <= len(words) <= 4) or any(w.lower() in _FORM_WORDS for w in words if w) \
            or not all(w[:1].isupper() or not w for w in words) \
            or name.lower() in ("company", "firm", "organization", "organisation", "corporation", "group", "team") \
            or all(JOB_TITLE.fullmatch(w) or w.lower() in _UNIT_WORDS for w in words if w):
        return ""  # ("NOT FOR DISTRIBUTION OUTSIDE THE COMPANY" names none; "... - CEO OFFICE" is an office)
    return _org_case(name)


#: A header's note of whose internal channel a record comes from: "(Acme internal messaging)",
#: "Acme internal chat".
_OWN_CHANNEL = re.compile(r"(?:^|\()[ \t]{0,2}(?P<org>[A-Z][\w&.'\-]{1,30}(?:[ \t][A-Z][\w&.'\-]{1,30}){0,2})[ \t]{1,2}"
                          r"(?i:internal)[ \t]{1,2}(?i:messaging|messages|chat|channels?|workspace|slack|teams|"
                          r"forum|wiki|meetings?)\b")


#: A chat export's workspace, named by its label: "Workspace: acmecorp" (as an e-mail domain names one).
_WORKSPACE = re.compile(r"(?i)\bworkspace[ \t]{0,2}:[ \t]{0,3}(?P<label>[a-z0-9][a-z0-9\-]{2,40})(?:\.slack\.com)?\b")


#: A chat export's heading naming its organization in brackets at its end: "Slack export -- #ops-control
#: (Acme)", "WhatsApp chat export: Night shift group (Acme Rail)".
_EXPORT_OF = re.compile(r"^\W{0,4}(?:[A-Z][a-z]{1,15}[ \t])?(?i:slack|teams|whatsapp|signal|telegram|mattermost|discord|chat)\b"
                        r"(?=[^\n()]{0,60}(?i:export|#|channel|group|workspace))[^\n()]{0,60}"
                        r"\([ \t]{0,2}(?P<org>[A-Za-z][\w&.'\-]{1,30}(?:[ \t](?:[A-Z][\w&.'\-]{1,30}|of|the|and|for)){0,4})"
                        r"(?:,[ \t][^()\n,]{1,40})?[ \t]{0,2}\)[ \t]{0,4}$")  # ("(Acme Ministry of Trade, minister's office)": its unit after)


#: A chat export's line naming who exported it: "Exported by: IT Security, Acme Public Library".
_EXPORTED_BY = re.compile(r"^\W{0,4}(?i:exported|archived|compiled|downloaded)[ \t]{1,3}(?i:by)[ \t]{0,3}:[ \t]{0,3}(?P<rest>[^\n]{2,140})$")


#: Small words inside an organization's name ("Northgate Ministry of Trade and Industry").
_NAME_SMALL_WORDS = frozenset({"of", "the", "and", "for"})


def _own_channel_org(line: str) -> str:
    ws = _WORKSPACE.search(line) if len(line) <= 160 else None
    if ws and not ws["label"].isdigit():
        label = ws["label"].lower()
        return label.upper() if len(label) <= 4 and label.isalpha() else label[:1].upper() + label[1:]
    by = _EXPORTED_BY.match(line) if len(line) <= 160 else None
    if by:  # "Exported by: IT Security, Acme Public Library": the unit, then its organization
        last = by["rest"].rsplit(",", 1)[-1].strip(" .")
        if last and last[:1].isupper() and not set(re.findall(r"[a-z]+", last.lower())) <= _UNIT_WORDS \
                and not JOB_TITLE.search(last) and not (_PERSON_NAME.fullmatch(last) and len(last.split()) <= 2):
            return _org_case(last)
    ex = _EXPORT_OF.match(line) if len(line) <= 120 else None
    if ex and (ex["org"][:1].isupper() or _CAMEL_BRAND.fullmatch(ex["org"].split()[0])) \
            and not re.fullmatch(r"[A-Z]{2,4}T|UTC", ex["org"]) \
            and not any(w.lower().strip(".,'&") in _FORM_WORDS - _NAME_SMALL_WORDS for w in ex["org"].split()):
        return _org_case(ex["org"])  # (not "(excerpt)", "(UTC)", "(GMT)")
    m = _OWN_CHANNEL.search(line) if len(line) <= 120 else None
    if not m or any(w.lower().strip(".,'&") in _FORM_WORDS for w in m["org"].split()):
        return ""
    return _org_case(m["org"])


def addressed_organization(value: str) -> tuple[str, bool]:
    """The organization whose own body a note is addressed to, and whether that body governs it:
    "Executive Committee, Acme UK" -> ("Acme UK", True); "All staff, Acme Ltd" -> ("Acme Ltd", False);
    "All staff, Northgate campus" -> ("", False): a place, not the organization."""
    own = _ADDRESSED_BODY.fullmatch(value[:200])
    if not own:
        return "", False
    org = _org_case(own["org"].strip())
    if re.search(r"(?i)\b(?:campus|site|plant|building|offices?|headquarters|hq|branch|floor|depot|works)$", org) \
            or re.match(r"(?i)(?:si[eè]ge(?:[ \t]social)?|sede(?:[ \t]central|[ \t]social)?|zentrale|hauptsitz|casa[ \t]matriz)\b", org):
        return "", False  # (a place of the organization, "Siège social", "Sede central", "Zentrale": no name)
    governing = not re.match(r"(?i)(?:the[ \t]{1,3})?(?:all[ \t]{1,3})?(?:[\w\-]{1,30}[ \t]{1,3}){0,2}(?:staff|employees|colleagues|team)\b",
                             value)
    return org, governing


#: A note's addressee that is a body of an organization: "Executive Committee, Acme UK", "Board of
#: Directors, Acme Ltd.", "Board of Directors, PT Acme (Persero) Tbk" (a legal form in brackets kept out).
_ADDRESSED_BODY = re.compile(r"(?i:(?:the[ \t]{1,3})?(?:[\w\-]{1,30}[ \t]{1,3}){0,3}(?:committee|board|team|staff|directors|leadership|"
                             r"management|employees|colleagues|council|taskforce|task[ \t]force|"
                             # its head ("Director Nacional, Northgate Registry", "Chief Executive, Acme")
                             r"(?:director|directora|president|presidente|presidenta|chief[ \t]executive|ceo|director[ \t]general)"
                             r"(?:[ \t][\w\-]{1,20})?))[ \t]{0,3},[ \t]{0,3}(?P<org>[A-Z][^,()\n]{1,60}?)"
                             r"(?:[ \t]{1,3}\([^()\n]{1,30}\)(?:[ \t]{1,3}[A-Z][a-z]{1,4}\.?)?)?(?:,[ \t]{0,3}(?i:inc|ltd|llc|plc|ag|corp)\.?)?")


def read_header(text: str) -> Header:
    """Read the header lines of ``text`` (see the module docstring). Never raises."""
    try:
        return _read(text)
    except Exception:  # pragma: no cover - a header is a hint; the document is read anyway
        return Header()


def _read(text: str) -> Header:
    head = _PUBLIC_LEGEND.sub(lambda m: "\n" * m.group().count("\n"), text[:HEAD_CHARS])
    lines = head.split("\n")[:HEAD_LINES]
    date: DateValue | None = None
    heading_date: DateValue | None = None  # "ACME BRIEFING -- April 12, 2017", if no line dates it better
    author = organization = title = ""
    internal = False
    witnesses: list[tuple[str, str]] = []
    stated_by = ""  # the maker a "Statement of ..." heading names
    released = False  # a name in capitals heads a release heading ("ACME AB" over "Press statement")
    also_named: tuple[tuple[str, str], ...] = ()  # a heading's name and its short form in brackets
    askers: list[tuple[str, str]] = []   # interviewers, hosts: listed after whoever answers
    venue = ""
    addressed_org = ""  # the organization whose own body a note is addressed to
    governing = False  # ... a body that governs it ("Board of Directors", "Emergency Council"), not its staff
    from_within = False  # the writer names no organization of their own ("From: Jane Roe, Chairman")
    committee = ""  # a committee heading a hearing, its venue when no chamber is named
    in_witnesses = False
    last_rest = ""  # the title and organization of the last witness line read
    prose = 0
    read = 0
    prose_at = _first_prose_line(lines)
    top: tuple[int, str] | None = None  # the first name in capitals above the labels: a record's letterhead
    org_line: int | None = None         # the line that gave the organization
    labelled = False
    for n, raw in enumerate(lines):
        if organization and org_line is None:
            org_line = n - 1
        if n >= prose_at:
            break  # the body has begun: what it says is not the document's header
        line = raw.rstrip()
        stripped = line.strip()
        read = n + 1
        if not stripped:
            in_witnesses = False
            continue
        hosted_by = _HOSTED_BY.search(stripped) if n < 6 else None
        if hosted_by:  # "evening programme hosted by Jane Roe": who asks, for the channel that holds it
            askers.append((hosted_by["name"], organization))
        if top is None and not labelled:
            name = _capitals_name(stripped)
            if name:
                top = (n, name)
        produced = _PRODUCED_BY.match(stripped) if n < 6 else None
        if produced:  # "Documents produced by Acme Plc -- Bundle C": the records are Acme's, whoever releases them
            # (the releasing body's heading above it named the release, not the records)
            internal = True
            organization = _org_case(_strip_legal_tail(produced["org"].strip()))
            continue
        marked_org = _marking_org(stripped) or _own_channel_org(stripped)
        if marked_org and not organization:
            internal = True
            organization = marked_org  # "INTERNAL ACME CORRESPONDENCE", "ACME - PERSONAL AND CONFIDENTIAL"
            continue
        named_guest = _GUEST_NAMED.search(stripped) if not organization and n < 4 and len(stripped) <= 160 else None
        if named_guest and not JOB_TITLE.search(named_guest["org"]) and not _MARKING_FIRST.match(named_guest["org"]):
            organization = _org_case(named_guest["org"].strip())  # "TRANSCRIPT - interview with Jane Roe (Acme
            witnesses.append((named_guest["name"], organization))  # Trust)": the guest, and whom they speak for
            continue
        guest = _GUEST.match(stripped) if not organization and len(stripped) <= 120 else None
        if guest and (JOB_TITLE.search(guest["title"]) or _GUEST_TITLE.search(guest["title"])):
            organization = _org_case(guest["org"])  # "Interview segment: Acme captain Jane Roe": the guest's side
            continue
        if in_witnesses:
            # "Panel II: Jane Roe, President, Acme Inc.; John Doe, Director, Roe Institute"
            dangling = bool(re.search(r"(?i)\b(?:of|and|for|the|&)$", last_rest.rstrip()))  # "Global Head of\n  Toys"
            entries = None if dangling else _entries(line)
            if entries:
                witnesses.extend((name, _witness_org(rest)) for name, rest in entries)
                last_rest = entries[-1][1]
                continue
            if witnesses and raw[:1] in " \t" and not _WITNESS_HEAD.match(stripped) and not _PANEL_HEAD.match(stripped) \
                    and (last_rest.rstrip().endswith((",", ";")) or dangling):
                # "  Jane Roe, Vice Chairman and Chief Financial Officer,\n    Acme & Co.": the entry goes on
                last_rest = f"{last_rest} {stripped}"
                witnesses[-1] = (witnesses[-1][0], _witness_org(last_rest))
                continue
            in_witnesses = False
        if _WITNESS_HEAD.match(stripped) or _PANEL_HEAD.match(stripped):
            in_witnesses = True
            continue
        inline = _WITNESS_INLINE.match(stripped)
        # (a list: one witness on a "Witness:" line is read as a role label's, below)
        entries = _entries(inline["rest"]) if inline and ";" in inline["rest"] else None
        if entries:  # "Witnesses (panel II): Jane Roe, Director, Acme Agency; John Doe, CEO, Globex Inc.;"
            in_witnesses = True
            witnesses.extend((name, _witness_org(rest)) for name, rest in entries)
            last_rest = entries[-1][1]
            continue
        v = _VENUE.match(stripped) if not venue and len(stripped) < 80 else None
        if v:
            body = (v["body"] or v["plain"] or "").lower()
            if v["other"]:  # "HOUSE OF COMMONS - CANADA": a chamber by its own name
                venue = " ".join(w if w == "of" else w.capitalize() for w in v["other"].lower().split())
            else:
                venue = "U.S. Senate" if body == "senate" else "U.S. House of Representatives"  # US style by default
            continue
        c = _COMMITTEE.search(stripped) if not committee and len(stripped) < 100 else None
        if c:  # (a chamber named in the header is the venue before its committee: "U.S. House of Representatives")
            committee = " ".join(w if w.lower() in ("of", "on", "for", "and", "the") and i else w.capitalize()
                             for i, w in enumerate(c["name"].lower().split()))
            continue
        deponent = _DEPONENT.match(stripped)
        if deponent and not witnesses:  # "VIDEOTAPED DEPOSITION OF JANE ROE": who answers the questions
            witnesses.append((_person_case(deponent["name"]), _witness_org(deponent["said"]) if deponent["said"] else ""))
            continue
        titled = statement_maker(stripped) if not author else ""
        if titled:  # "STATEMENT OF JANE ROE": whose statement it is
            author = stated_by = titled
            continue
        by = _BY_LINE.match(stripped) if not author else None
        if by:
            who, _, after = by["rest"].partition(",")
            who, after = who.strip(), after.strip()
            office = re.sub(r"(?i)^the\s+", "", who)
            holder = after.split(",")[0].strip()  # ("Statement by the Minister of Fair Trade, Jane Roe, on the contract")
            if holder and (JOB_TITLE.search(office) or _GUEST_TITLE.search(office.lower())) \
                    and _PERSON_NAME.fullmatch(_person_case(holder)):
                # "STATEMENT BY THE GARDA COMMISSIONER, JANE ROE": the office, then its holder
                author = _person_case(holder)
                witnesses.append((author, ""))
                continue
            author = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s{1,3}(?=\S+\s)", "", _clean(_person_case(who) if who.isupper() else who))
            # ("PRESS STATEMENT BY JANE ROE, ...", "STATEMENT ON BEHALF OF MR JOHN DOE, ...": the person)
            organization = organization or org_of_phrase(by["rest"])
            witnesses.append((author, org_of_phrase(by["rest"])))
            continue
        if len(stripped) > 160 and stripped.endswith((".", '"', "”")) and not _LABEL.match(line):
            prose += 1
            if prose >= 2:
                break
            continue
        if _INTERNAL_MARK.search(stripped) and len(stripped) < 120:
            internal = True
        credited = _ATTRIBUTED.match(stripped) if not author else None
        if credited and not stripped.endswith(":") and not re.search(r"(?i)\battributed\b", stripped):
            credited = None  # ("Statement by Acme Corporation" is a title; "Statement attributed to Jane Roe" names her)
        if credited:  # "Statement attributed to Jane Roe, General Counsel:": whose words follow
            author = credited["name"]
            continue
        made = _MADE_BY.match(stripped) if not author else None
        if made:  # "Prepared at the chairman's instruction by: J. Roe (Director)": who wrote it, a long label
            labelled = True
            author = _clean(re.split(r"(?<!\s)\s*[,(]|\s(?:with|and|for)\s|[ \t]{3,}|\t", made["value"], maxsplit=1)[0].strip())
            continue
        dashed = _DASHED_WITNESS.match(stripped)
        entry = _PERSON_TITLE_ORG.match(dashed["value"]) if dashed else None
        if entry:  # "Public hearing under oath - witness: Mr J. Roe, former Director-General of Acme"
            witnesses.append((_clean(entry["name"]), _witness_org(_entry_rest(entry))))
            continue
        column = _DATE_COLUMN.search(line) if date is None else None
        if column:  # "Prepared for: Acme Ltd          Date: January 28, 2011": a form's fields set out in columns
            found = parse_date_value(column["value"], source="header")
            if found is not None and found.known:
                date = found
        label = _LABEL.match(line)
        if label:
            labelled = True
            key = re.sub(r"\s+", " ", label["label"].strip().lower())
            key = key.split(" / ", 1)[0].strip()  # "TO / DESTINATAIRE:", "RE / OBJET:": a label given in two languages
            key = _FOREIGN_LABELS.get(key, key)  # "Para:", "De:", "Fecha:", "Asunto:": a memo's labels in its own language
            value = _clean(label["value"])
            group = _DATE_TIME_GROUP.match(value) if key in ("dtg", "date-time group", "date time group") else None
            if group and (date is None or date.precision == "year"):  # "DTG: 291600Z APR 04": a military message's day, hour and zone, month, year
                year = int(group["year"]) + (0 if len(group["year"]) == 4 else 2000 if int(group["year"]) <= 50 else 1900)
                found = parse_date_value(f"{group['day']} {group['month']} {year}", source="header")
                if found is not None and found.known:
                    date = found
                continue
            if (key in _DATE_LABELS or _DATE_LABEL_PHRASE.match(key) or _DATE_OF.fullmatch(key)) and date is None:
                # "Filed with the Commission: first quarter of 2007 (excerpt prepared for the file)"
                value = re.sub(r"[ \t]{0,8}\([^()\n]{0,80}\)[ \t]{0,8}$", "", value)
                value = re.sub(r"\[[^\[\]\n]{0,80}\][ \t]{0,4}", "", value).strip()  # "[day and month redacted] 1999"
                found = parse_date_value(re.sub(r"^[A-Za-z]+day,?\s+", "", value), source="header")
                if found is not None and found.known:
                    date = found
                continue
            if key in ("presenter", "speaker") and not author and (len(value.split()) > 6 and "," not in value
                                                                    or value.rstrip().endswith("?")
                                                                    or re.search(r"\b[a-z]{2,}[.?!][ \t]{1,4}[A-Z]", value)):
                continue  # "PRESENTER: The minister said today that ...": a turn's words, not who wrote the page
            if key in _AUTHOR_LABELS and not author:
                value = re.split(r"[ \t]{3,}|\t", value, maxsplit=1)[0]  # "Prepared by: Sales desk      Distribution: ..."
                handle = re.match(r"@(?P<handle>\w{1,40})\s*\((?P<who>[^()\n]{1,120})\)", value)
                if handle and re.fullmatch(r"(?i)(?:official|verified)(?:\s{1,4}account)?", handle["who"].strip()):
                    value = handle["handle"]  # "Account export: @Acme (official)": the organization's own account
                elif handle:  # "Account: @handle (Name, Title, Company)": the person behind the handle
                    value = handle["who"]
                held = re.fullmatch(r"(?P<office>[A-Z][^()\n]{2,60}?)\s*\((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
                                    r"(?P<name>[A-Z][a-z'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})\)(?:\s{1,3}[-–—,;][^()\n]{0,80})?", value)
                # ("From: External investigator (Jane Roe) - preliminary review team")
                if held and JOB_TITLE.search(held["office"]):
                    value = held["name"]  # "From: Chief Medical Officer (Dr Jane Roe)": the office's holder
                body, dash, named = value.partition(" -- ")
                if dash and set(re.findall(r"[a-z]+", body.lower())) <= _UNIT_WORDS | {"executive", "board"} \
                        and named[:1].isupper():
                    value = named  # "Executive Board -- Jane Roe (President), John Doe": the body, then its members
                who = re.split(r"(?<!\s)\s*[,(]|\s[-–—|]\s", value, maxsplit=1)[0].strip()
                author = _clean(re.sub(r"<[^<>\n]{0,200}>", "", who))
                rest = value[len(who):].strip(" ,()-–—|")
                from_within = not rest or bool(JOB_TITLE.search(rest)) or set(re.findall(r"[a-z]+", rest.lower())) <= _UNIT_WORDS
                # ("From: Jane Roe, Chairman", "From: Incident Working Group": no other organization named)
                # ("FROM: Assistant Director (via Director, Planning)": the route a note took, no organization)
                sender_org = org_of_phrase(re.sub(r"\((?i:via|through|thru|c/o)\b[^()\n]{0,80}\)", "", value))
                if sender_org.count("(") != sender_org.count(")"):  # "Dr Jane Roe, Physician (Chair, Incident
                    # Committee)": her role in brackets, no organization of hers
                    sender_org = org_of_phrase(re.sub(r"[ \t]{0,2}\([^()\n]{0,80}\)", "", value))
                if set(re.findall(r"[a-z]+", sender_org.lower())) <= _UNIT_WORDS | {"group", "assurance", "control"} \
                        or _WORKING_BODY.search(sender_org) or title_only(sender_org):
                    sender_org = ""  # "FROM: Group Quality Assurance", "FROM: Incident Recovery Working Group": a
                    # unit of the organization, not its name
                if who[:1].isupper() and rest and _ENDS_LEGAL.search(who.rstrip(" .,") + ".") and len(who.split()) <= 6 \
                        and not JOB_TITLE.search(who):
                    sender_org, author = _strip_legal_tail(who), ""  # "From: Acme Corp., Information Security
                    # Office": the company (its legal form says so), then its office, no person
                if not sender_org and who[:1].isupper() and _UNIT_FIRST.match(rest):
                    sender_org = _strip_legal_tail(who)  # "Owner: Acme Telecom, Direction des Ressources Humaines":
                    # the company, then its unit (in whatever language the unit is named)
                organization = organization or sender_org
                continue
            if _ASKER_LABEL.search(key) and ("?" in value or len(value.split()) >= 10 and re.search(r"\b[a-z]{3,}\.\s", value)):
                continue  # "HOST: Mr Roe, the minutes are out there. Didn't the club know?": the host's first turn,
                # no listing of who takes part (the man it addresses answers, he does not ask)
            if _ROLE_LABEL.search(key):
                # "On-stage interview: Jane Roe, Founder and CEO, Acme", "Interviewer: ..., Daily News"
                if value.rstrip().endswith(",") and n + 1 < len(lines) and lines[n + 1].strip() \
                        and not _LABEL.match(lines[n + 1].strip()):
                    value = f"{value} {lines[n + 1].strip()}"  # "WITNESS: Jane Roe, former Chairman,\nAcme Inc."
                value = _PAREN_ENTRY_END.sub("); ", value)  # "Jane Roe (Chair, Acme), John Doe (Director)"
                listed = _entries(value) if ";" in value else None
                if listed:  # "Speakers: Jane Roe, President; Head of Press Office (moderator)"
                    (askers if _ASKER_LABEL.search(key) else witnesses).extend(
                        (_clean(name), _witness_org(rest)) for name, rest in listed if not ORG_WORDS.search(name))
                    continue
                entry = _PERSON_TITLE_ORG.match(value)
                if entry and ORG_WORDS.search(entry["name"]):
                    entry = None  # "Moderator: Acme University Public Relations Department": an office, no person
                if entry:
                    found = (_clean(entry["name"]), _witness_org(_entry_rest(entry)))
                    (askers if _ASKER_LABEL.search(key) else witnesses).append(found)
                    continue
            if key in _TITLE_LABELS and not title:
                title = value
                continue
            if key in INTERNAL_LABELS and INTERNAL_VALUE.search(value):
                internal = True
                marked = _MARKED_BY.match(value)
                if marked and marked["org"].split()[0].lower() not in ("internal", "strictly", "highly", "company"):
                    organization = _org_case(marked["org"])  # "Classification: Acme Confidential"
                continue
            if key in ("received by", "held by", "file holder", "filed by") and not addressed_org:
                held = [x.strip() for x in value.split(",", 1)]
                if len(held) == 2 and set(re.findall(r"[a-z]+", held[1].lower())) <= _UNIT_WORDS and held[0][:1].isupper():
                    addressed_org = _org_case(held[0])  # "Received by: Acme Ltd, Purchasing": the file's holder
                continue
            if key == "to" and not addressed_org:
                addressed_org, governing = addressed_organization(value)
                continue
            if key in ("source",):
                continue
            continue
        below = next((x.strip() for x in lines[n + 1:n + 3] if x.strip()), "") if not organization else ""
        to_public = below and n < 2 and _PUBLIC_SALUTATION.search("\n".join(lines[:14])) \
            and not set(stripped.lower().split()) & _SERVICE_DESKS  # (not "ACME CUSTOMER SERVICE": its desk)
        if below and (_RELEASE_HEADING.match(below) or _LETTER_FROM.search(below) or to_public):
            # ("ACME BANK" over "The Chairman" over "Dear Shareholder,": its letter to the public it answers to)
            short = _SHORT_NAME.search(stripped)  # "ACME ELECTRICITY GENERATING COMPANY PLC (AcmeGen)"
            named = _capitals_name(stripped[:short.start()] if short else stripped)
            if named and short:
                also_named = ((named, short["short"]),)  # the long name and the short one: one organization
            if named:  # "ACME MAIL" over "Media release", over "Text of a letter from Jane Roe to ...": the
                organization = named  # name heading its own release or letter
                released = released or bool(_RELEASE_HEADING.match(below)) or bool(to_public)
                continue
        sender = _LETTER_FROM.search(stripped) if not author and len(stripped) <= 160 else None
        if sender:
            author = sender["name"]
        joint = _STATEMENT_BY.match(stripped) if not organization else None
        if joint:
            maker = _org_case(re.split(r"\s(?:AND|and|&)\s(?:THE|the)\s", joint["org"], maxsplit=1)[0].strip(" ,."))
            if _AGENCY.match(maker) or ORG_WORDS.search(maker):
                organization = maker  # "JOINT MEDIA STATEMENT BY THE MINISTRY OF FAIR TRADE AND ...": its first maker
                continue
        titled = _TITLE_ORG.match(stripped) if not organization and len(stripped) <= 120 else None
        maker = (titled["org"] or titled["maker"]) if titled else ""
        if titled and maker.split()[0].lower() not in _NOT_HOST | {"media", "press", "news", "joint", "official"} \
                and not JOB_TITLE.search(maker) \
                and not re.match(r"(?i)(?:senator|sen|rep|representative|mr|ms|mrs|dr|gov|governor|mayor)\b", maker) \
                and (len(maker.split()) == 1 or ORG_WORDS.search(maker) or titled["maker"]) \
                and not _in_house(maker):  # not "Jane Roe Statement", not "Intranet notice"
            organization = _org_case(maker)  # "Acme Statement Regarding Today's Article"
        if not organization:
            host = _HOST.search(stripped)  # "Transcript, Jan. 23 -- Acme Corp press conference on ..."
            hosted = (host["org"] or host["compound"] or host["after"]) if host else ""
            if hosted and not _HEARING.search(hosted) and hosted.split()[0].lower() not in _NOT_HOST:
                organization = _org_case(hosted.strip())  # the line may carry the date too
            else:
                form = _FORM_OF.match(stripped)  # "FORM 10-K - ACME INC.": the registrant follows the form
                organization = _letterhead(form["org"]) or _capitals_name(form["org"]) if form \
                    else "" if _GOES_ON.match(stripped) else _letterhead(stripped)
                short = _SHORT_NAME.search(re.split(r"\s(?:--|[-–—|])\s", stripped)[0]) if organization and not form else None
                if short and not also_named:
                    also_named = ((organization, short["short"]),)  # "ACME LTD. (ACMEGEN) -- WORK ORDER": one company
                if organization and _FILING.search(head) and re.search(r"(?i)securities and exchange", organization):
                    organization = ""  # a filing's banner: the registrant's name comes after it
                if organization and re.search(r"(?i)\bcourt\b", organization) \
                        and _EXHIBIT.search("\n".join(head.split("\n")[:6])):
                    organization = ""  # "UNITED STATES DISTRICT COURT" over an exhibit: where the record
                    # was filed, not who wrote it (the producing party's letterhead follows)
            event = re.match(r"^(?P<org>[A-Z][\w&.,' ]{1,60}?)(?:\s{1,3}\([A-Z][A-Za-z&.\-]{1,12}\))?\s+(?:--|[-–—|:])\s+"
                             r"(?P<event>[^\n]{3,100})$", stripped)
            held_by = re.match(r"^(?i:transcript)\W{1,4}(?P<event>[^,\n]{3,60}),[ \t]{1,3}(?P<org>[A-Z][\w&.'’\- ]{1,60}?)\W{0,3}$",
                               stripped)
            if not organization and held_by and re.search(r"(?i)\b(?:press|news|media)\b.{0,12}\b(?:conference|briefing)\b",
                                                          held_by["event"]) \
                    and held_by["org"].split()[-1].lower().strip(".") not in _PLACE_WORDS:  # not "..., NORTHGATE HOUSE"
                # "TRANSCRIPT - PRESS CONFERENCE, ACME SPA": the event, then who holds it
                organization = _org_case(_strip_legal_tail(held_by["org"].strip(" ,")))
            if not organization and event and _TRANSCRIPT.search(event["event"]) and not _HEARING.search(event["org"]) \
                    and not re.search(r"\d", event["org"]) and not _TRANSCRIPT.search(event["org"]) \
                    and not re.search(r"(?i)\b(?:briefing|conference|call|remarks|webcast)\b", event["org"]) \
                    and event["org"].split()[-1].lower().strip(".,") not in _PLACE_WORDS \
                    and event["org"].split()[0].lower() not in _NOT_HOST:  # not "TRANSCRIPT - PRESS CONFERENCE, ..."
                # (nor "NORTHGATE HIGH SCHOOL AUDITORIUM -- STATE BRIEFING": where it was held)
                # "ACME - NATIONAL PRESS CONFERENCE", "ACME CO. (ACO) - PRESS BRIEFING, HEAD OFFICE"
                organization = _org_case(_strip_legal_tail(event["org"].strip(" ,")))
            if organization:
                continue
        above = lines[n - 1].strip() if n > 0 else ""
        wrapped = len(above) > 60 and above[-1:].isalnum() and stripped.endswith(".") \
            and sum(c.islower() for c in above) > 0.6 * sum(c.isalpha() for c in above)
        if date is None and heading_date is None and len(stripped) <= 80 and not _PERIOD_END.search(stripped) \
                and not wrapped:
            # (not "January 31, 2020." ending a prose sentence wrapped from the line above)
            # "Transcript, March 8, 2023", "Tuesday, October 29, 2019", "STATEMENT / May 6, 1994"
            # (not "For the quarterly period ended March 31, 2022": what the text covers)
            tail = re.split(r",\s*|\s[-–—|]\s", stripped, maxsplit=1)
            columns = re.split(r"[ \t]{3,}", stripped)  # "FOR IMMEDIATE RELEASE        September 30, 1999"
            bare = re.sub(r"[ \t]{0,4}\([^()\n]{1,80}\)$", "", stripped)  # "May 21, 2015 (before Game 3)"
            dashed_tail = stripped.rsplit(" -- ", 1)[-1] if " -- " in stripped else ""
            dashed = parse_date_value(dashed_tail, source="header") if re.search(r"\d{4}", dashed_tail) else None
            if dashed is not None and dashed.known:
                if heading_date is None:
                    heading_date = dashed  # "ACME BRIEFING -- April 12, 2017": the record's date, unless a
                    # "Date:" line below gives its own (a release's heading dates the release, not its records)
                continue
            for cand in (stripped, columns[-1] if len(columns) > 1 else "", tail[-1] if len(tail) > 1 else "",
                         bare if bare != stripped else ""):
                cand = re.sub(r"^[A-Za-z]+day,?\s+", "", cand.strip())
                found = parse_date_value(cand, source="header") if cand and re.search(r"\d{4}", cand) else None
                if found is not None and found.known:
                    date = found
                    break
    if date is None:
        date = heading_date
    filer = _FILER.search(head)
    if filer and (not organization or re.search(r"(?i)\bcourt\b", organization)):
        organization = _org_case(_strip_legal_tail(filer["org"].strip(" ,.")))  # the party, not the court
    if organization and org_line is None:
        org_line = read
    if _COMPANY_BODY.fullmatch(organization):
        # "STATEMENT BY THE BOARD OF DIRECTORS" over "ACME GROUP OF COMPANIES": the company's board speaks for it
        at = next((k for k, ln in enumerate(lines[:read + 2]) if _COMPANY_BODY.search(ln)), None)
        below = next((x.strip() for x in lines[at + 1:at + 3] if x.strip()), "") if at is not None else ""
        named = _capitals_name(re.sub(r"(?i)[ \t]{1,3}group[ \t]{1,3}of[ \t]{1,3}companies$", "", below[:200]))
        if named:
            organization = named
    kind = _kind_of(head, internal)
    recorded = _RECORDED_CALL.search("\n".join(lines[:12])) if not internal else None
    if recorded and not re.match(r"(?i)(?:earnings|investor|analyst|public|press|media|news)\b", recorded["org"]):
        # "Transcript prepared from audio recording of Acme teleconference" released by an inquiry:
        # the organization's own call, its record (the releasing body's letterhead is not its voice)
        kind, organization, internal = "internal-report", _org_case(recorded["org"]), True
    venue = venue or committee
    if not organization and addressed_org and (internal or kind in ("memo", "internal-report") or author and governing and from_within):
        organization = addressed_org  # an internal note to "Executive Committee, Acme UK" is Acme UK's record
        if kind in ("", "letter"):  # (a note from a named writer to the organization's own body is one,
            kind, internal = "memo", True  # "Dear Board Members" or not)
    if (stated_by or released) and not internal and kind in ("", "news", "unknown"):
        kind = "press-release"  # "STATEMENT OF HEAD COACH JOHN DOE / Released Sunday ...": his own public words
    sworn = _AFFIDAVIT.search(head[:3000]) if not internal and kind in ("", "news", "unknown", "filing") else None
    if sworn:
        # "CONFIRMATORY AFFIDAVIT / I, the undersigned, JANE ROE / do hereby make oath and state": the
        # deponent's own sworn words before a court, on the public record as testimony is
        kind = "testimony"
        deponent = _SWORN_BY.search(head[:3000])
        if deponent and not author:
            author = _person_case(" ".join(deponent["name"].split()))
    if top is not None and not organization and kind in ("interview", "speech") \
            and (OWN_EVENT.search(lines[top[0]]) or top[0] + 1 < len(lines)
                 and re.match(r"(?i)\W{0,4}(?:media|press|news)[ \t](?:briefing|conference)\b", lines[top[0] + 1].strip())):
        # ("ACME" over "MEDIA BRIEFING - TRANSCRIPT": the name, then its own event on the line below)
        # "ACME -- SPRING TRAINING NEWS CONFERENCE": the organization holding its own event speaks in it
        organization = top[1]
    read_text = "\n".join(lines[:read])
    addressed = _TO_LINE.search(read_text) and _FROM_LINE.search(read_text)
    # (a note's To/From lines: the record is the sender's)
    if top is not None and (internal or kind in ("memo", "internal-report") or addressed) \
            and (org_line is None or top[0] < org_line):
        # "JOHNSON & ROE" above "CENTRAL RESEARCH LABORATORIES" or "From: Toxicology Group": the
        # company's name heads its record; a unit named after it is the company's
        organization = top[1]
    elif top is not None and not organization and _OFFICE.search(lines[top[0]]):
        # "ACME POLICE - PRESS OFFICE" heading statements: the organization's press office speaks for it
        organization = top[1]
    elif top is not None and not organization and (_OWN_RELEASE.search(lines[top[0]]) or _NAME_THEN_GENRE.search(lines[top[0]]) or any(
            _RELEASE_LINE.match(ln.strip()) for ln in [ln for ln in lines[top[0] + 1:top[0] + 5] if ln.strip()][:2])):
        # (its address may come between: "ACME MEDICAL CENTRE / 16 Hospital Road / PRESS STATEMENT: ...")
        # ("NATIONAL REGISTRY (NR)" / "Ministry of Fair Trade" / "PRESS RELEASE - Springfield, 13 October": its release)
        # "ACME POLICE -- PRESS RELEASE", "ACME UNIVERSITY -- NEWS": the name heading its own release
        organization = top[1]
    elif not organization and (released := next((m for m in map(_RELEASE_OF.match, lines[:3])
                                                 if m and (ORG_WORDS.search(m["org"]) or _ENDS_LEGAL.search(m["org"])
                                                           or _named_again(m["org"], head))), None)):
        # "MEDIA RELEASE - Northgate Department of Fair Trade - 4 July 2022": the release line names its issuer
        # (not "PRESS RELEASE - Springfield, 13 October 2021": a place)
        organization = _strip_legal_tail(released["org"].strip())
    elif not organization and (under := _name_under_release(lines[:4])):
        # "MEDIA STATEMENT" / "The Mint | Te Acme": the name under the release heading issues it
        organization = under
    elif top is not None and not organization and _ENDS_LEGAL.search(top[1]):
        # "NORTHGATE SHIPPING A/S" over an interim report: a company's full legal name heading the
        # document is who issues it
        organization = top[1]
    if kind == "testimony" and witnesses:
        witnesses = _placed_witnesses(witnesses, lines[:read])
        if organization and _AGENCY_LETTERHEAD.match(organization) and all(w[1] for w in witnesses if w[0]) \
                and organization not in {w[1] for w in witnesses}:
            # "NORTHGATE TRADE COMMISSION" heading a hearing it holds: the venue, not the witness's voice
            venue, organization = venue or organization, ""
    letterhead_name = _form_letterhead(lines[:read])
    if kind == "letter":
        # "JOHNSON & ROE / 501 Main Street ...": a letter's first line in capitals names its sender
        # (an agency named further down is the addressee's block); with no letterhead it is a
        # note whose standing the text does not say (an employee's letter to the chairman)
        top = next((ln.strip() for ln in lines[:8] if ln.strip() and not ln.strip().startswith(("[", "<", "#"))), "")
        if re.fullmatch(r"[A-Z][A-Z&.,'\- ]{2,60}", top) and len(top.split()) <= 6 and not _VENUE.match(top):
            organization = _org_case(_strip_legal_tail(top.rstrip(",. ")))
        elif not organization and (short := _capitals_name(top)) and len(short.split()) == 1:
            organization = _org_case(short)  # "NORTHGATE WATER SUPPLY COMPANY - NWSC" over a letter: its short name
        elif not organization and _TO_ELECTED.search(head[:1500]) and letterhead_name:
            organization = letterhead_name  # "CITY OF NORTHGATE - MEMORANDUM" to its council: the name, then the form
        elif not organization:
            kind = ""
    subject = _WITNESS_SUBJECT.match(title) if kind in ("testimony", "") and title else None
    if subject and (not organization or len(organization.split()) == 1) and not _VENUE.match(subject["org"]):
        organization = _org_case(subject["org"])  # "Subject: Acme International -- evidence of former CEO": the witness's side
    client = next((m for m in map(_FOR_BOARD_OF.search, lines[:read]) if m), None) if internal or kind == "internal-report" else None
    if client and _COMPANY_BODY.fullmatch(client["org"].strip(" ,.")):
        client = None  # "Prepared for the Board of Directors by ...": the board, not whose board (the letterhead says)
    if client:
        organization = _org_case(_strip_legal_tail(client["org"].strip(" ,.")))  # "Forensic investigation for the
        # Supervisory Board of Acme Holdings N.V.": a review written for the organization is its record
    office = _OFFICE.search(organization) if organization else None
    if office and office.start() > 0 and organization[:office.start()].strip(" ,"):
        organization = organization[:office.start()].strip(" ,")  # "ACME PRESS OFFICE": Acme's office speaks for Acme
        if re.search(r"(?i)(?:^|\s)(?:of|the|for|and|office|department)$", organization):
            # "Office of Communications" under "ACME SCHOOLS": an office named by its work, the letterhead's own
            organization = top[1] if top is not None and top[1] != organization else ""
    if not organization and kind in ("", "memo", "internal-report"):
        named_form = next((m for m in map(_NAME_OVER_FORM.match, lines[:3]) if m), None)
        if named_form and named_form["form"].lower() in _FORM_WORDS | _TABLE_KINDS and not title_only(named_form["org"]) \
                and not {w.lower() for w in named_form["org"].split()} & (_FORM_WORDS | _UNIT_WORDS) \
                and (not _PERSON_NAME.fullmatch(named_form["org"]) or named_form["form"].lower() in _TABLE_KINDS):
            # ("Jane Roe - Meeting notes" is her note; a person keeps no "Roe Health - Spreadsheet"; "CONFIDENTIAL -
            # Internal memo" is a marking)
            organization = named_form["org"]  # "# Acme Health - Spreadsheet of follow-up": the record's owner, then the form
    return Header(date=date, author=author,
                  organization=organization, title=title, internal=internal, kind=kind,
                  # (a name in capitals written as names are: "MR LES ROE" is "Les Roe")
                  witnesses=tuple((_cased_if_capitals(_bare_name(w[0])), w[1]) for w in witnesses + askers if _bare_name(w[0])),
                  venue=venue, lines=read,
                  letterhead=letterhead_name, spellings=_two_spellings(lines[:4]) or also_named)


#: A hearing's subject naming the side a witness speaks for: "Acme International -- evidence of former CEO".
_WITNESS_SUBJECT = re.compile(r"^(?P<org>[A-Z][\w&.'’\-]{1,30}(?:[ \t][A-Z][\w&.'’\-]{1,30}){0,4})[ \t]{1,3}(?:--|[-–—:])[ \t]{1,3}"
                              r"(?i:evidence|testimony|appearance|questioning)\b")
#: A record written for an organization's board: "Forensic investigation for the Supervisory Board of Acme N.V.".
_FOR_BOARD_OF = re.compile(r"\b(?i:for|to)[ \t]{1,3}(?i:the[ \t]{1,3})?(?i:(?:supervisory|management|executive)[ \t]{1,3})?"
                           r"(?i:board(?:[ \t]of[ \t]directors)?|audit[ \t]committee|trustees|council)[ \t]{1,3}(?i:of)[ \t]{1,3}"
                           r"(?P<org>[A-Z][\w&.'’\-]{1,30}(?:[ \t][A-Z][\w&.'’\-]{0,30}){0,5})")
#: Last words of a place where an event is held, not of who holds it ("Northgate House", "Town Hall").
#: Rooms and grounds an event is held in (not "house" or "tower", which end companies' names too).
_VENUE_WORDS = frozenset({"auditorium", "hall", "centre", "center", "room", "stadium", "hotel", "square", "street", "park",
                          "arena", "theatre", "theater", "gymnasium", "ballroom"})
_PLACE_WORDS = frozenset({"house", "hall", "centre", "center", "hotel", "yard", "street", "square", "building", "room",
                          "tower", "park", "palace", "auditorium", "stadium", "office", "offices", "headquarters", "hq"})


#: A public body's name: "Northgate Trade Commission", "Senate Committee on Commerce".
_AGENCY_LETTERHEAD = re.compile(r"(?i)^(?:.*\b(?:commission|committee|subcommittee|agency|administration|department|bureau|"
                                r"authority|ministry|board|inspectorate|court|tribunal|senate|house|congress|parliament))$")


#: A heading naming an organization's own release after its name: "ACME POLICE -- PRESS RELEASE",
#: "ACME UNIVERSITY -- NEWS", "ACME RELIEF -- STATEMENT".
_OWN_RELEASE = re.compile(r"\s(?:--|[-–—|])\s[^\n]{0,40}\b(?:press release|news release|media release|press statement|"
                          r"media statement|statement|press update|media information|press information|news|newsroom|"
                          r"press service|press centre|press center|announcement|communiqu[ée]|comunicado|comunicato|"
                          r"presseerkl[äa]rung|pressemitteilung|persbericht)"
                          # ("ACME - STATEMENT REGARDING NORTHGATE CAPITAL": the release, then its matter; "ACME -
                          # COMMUNIQUÉ (English version)": the language it is given in)
                          r"(?:[ \t](?:regarding|on|about|concerning|in response to|re|by|from)\b[^\n]{1,80})?"
                          r"(?:[ \t]{1,3}\([^()\n]{1,40}\))?[^\S\n]*$", re.I)


def _name_under_release(lines: list[str]) -> str:
    """The name on the line under a release heading that stands alone at the top ("MEDIA STATEMENT" /
    "The Mint | Te Acme", a name perhaps given in two languages): "" when that line is no name."""
    filled = [ln.strip() for ln in lines if ln.strip()]
    if len(filled) < 2 or not re.fullmatch(r"(?i)(?:press|media|news)[ \t](?:release|statement)", filled[0]):
        return ""
    name = re.split(r"[ \t](?:\||/|--|[–—])[ \t]", filled[1], maxsplit=1)[0].strip()
    words = name.split()
    if _OFFICE.search(" " + name) or set(w.lower() for w in words) <= _UNIT_WORDS:
        return ""  # "PRESS RELEASE" / "Corporate Communications": the office that sent it, no name of its own
    if not 1 <= len(words) <= 6 or re.search(r"[\d:;.!?,]", name) \
            or not all(w[:1].isupper() or w in ("of", "and", "for", "the", "de", "du", "des", "&") for w in words):
        return ""
    return name


#: A name in capitals, then the genre of what it puts out, on one line: "ACME MARKET ANNOUNCEMENT".
_NAME_THEN_GENRE = re.compile(r"^[ \t]{0,4}[A-Z][A-Z0-9&.'\- ]{1,60}[ \t]" + _GENRE_TAIL + r"[ \t]{0,8}$")
#: A release's own line under its letterhead: "PRESS RELEASE - Springfield, 13 October 2021", "COMUNICADO DE PRENSA".
_RELEASE_LINE = re.compile(r"(?i)(?:press|media|news)[ \t](?:release|statement)\b|comunicad[oa]\b|comunicato\b|communiqu[eé]\b|"
                           r"pressemitteilung\b")
#: A release's first line naming its issuer after the kind, maybe a date after it: "MEDIA RELEASE - Northgate
#: Department of Fair Trade - 4 July 2022", "Press release | Acme Ltd".
_RELEASE_OF = re.compile(r"[ \t]{0,4}(?:(?i:press|media|news)[ \t](?i:release|statement)|(?i:nota)[ \t](?i:[àa]|de)[ \t]"
                         r"(?i:imprensa|prensa)|(?i:nota[ \t]oficial|comunicado(?:[ \t]de[ \t]prensa)?|communiqu[ée]|comunicato))"
                         r"[ \t]{1,3}(?:--|[-–—|:])[ \t]{1,3}"
                         r"(?P<org>[A-Z][\w&.'’\-]{0,40}(?:[ \t]{1,2}[\w&.'’\-]{1,40}){0,7}?)"
                         r"(?:[ \t]{1,3}(?:--|[-–—|])[ \t]{1,3}[^\n]{0,40}\d[^\n]{0,20})?[ \t]{0,4}$")
#: A heading naming an organization's own event after its name: "ACME -- NEWS CONFERENCE",
#: "ACME - MEDIA BRIEFING", "ACME | EARNINGS CALL".
OWN_EVENT = re.compile(r"\s(?:--|[-–—|])\s[^\n]{0,60}\b(?:conference|briefing|call|remarks|town hall|forum|"
                        r"media day|availability|presentation|webcast)\b", re.I)


def _placed_witnesses(witnesses: list[tuple[str, str]], lines: list[str]) -> list[tuple[str, str]]:
    """A witness the list left unplaced, placed by the header's own "Title, Organization" line
    under the line that names them ("INVESTIGATIONAL HEARING OF JANE ROE" / "Chief Security
    Officer, Acme Technologies, Inc.")."""
    out = []
    for name, org in witnesses:
        last = name.split()[-1].lower() if name.split() else ""
        if name and not org and last:
            for n, line in enumerate(lines[:-1]):
                if re.search(r"(?<![a-z])" + re.escape(last) + r"(?![a-z])", line.lower()) and ":" not in line:
                    nxt = lines[n + 1].strip()
                    if nxt and JOB_TITLE.search(nxt) and len(nxt) <= 120:
                        org = org_of_phrase(nxt)
                        if org:
                            break
        out.append((name, org))
    return out


def _first_prose_line(lines: list[str]) -> int:
    """Index of the first line of the first paragraph of prose: fifteen words or more with a
    sentence in them, not a field ("Label: value") nor a turn of a transcript."""
    start = 0
    block: list[str] = []
    blocks = 0  # blocks read before: a preface opens the copy or follows its first heading line
    for n, line in enumerate(lines + [""]):
        if line.strip():
            if not block:
                start = n
            block.append(line.strip())
            continue
        if block:
            text = " ".join(block)
            fields = sum(1 for b in block if _LABEL.match(b))
            words = text.split()
            lower = sum(1 for w in words if w[:1].islower())
            bracketed = text.startswith("[") and text.endswith("]")  # an editor's note: "[Excerpt; names withheld.]"
            if len(words) >= 15 and lower >= 0.6 * len(words) and re.search(r"[a-z]{3}[.!?][\"”’)]?(?:\s|$)", text) \
                    and fields * 2 < len(block) and not bracketed and not (blocks < 2 and _heading_follows(lines, n)):
                return start
            block = []
            blocks += 1
    return len(lines)


def _heading_follows(lines: list[str], n: int) -> bool:
    """Does a document's heading follow line ``n``: a name in capitals, a field ("Date: ...")?
    Then the paragraph above is a preface, an archive's or an editor's note on the copy ("Released
    under the records request of ...; reproduced as filed."), not the body."""
    rest = [line.strip() for line in lines[n:n + 8] if line.strip()][:3]
    return any(_LABEL.match(line) or _capitals_name(line) or _MADE_BY.match(line) or _MEMO.match(line)
               or len(line) < 80 and _INTERNAL_MARK.search(line) for line in rest)


#: A meeting's minutes by their heading: "Minutes of the meeting held ...", "MEETING MINUTES".
#: A file note's heading: "FILE NOTE - FLIGHT OPERATIONS SAFETY", "Note to file", "Call note".
_FILE_NOTE = re.compile(r"(?im)^[^\w\n]{0,4}(?:file note|note (?:to|for) (?:the )?file|call note|internal note)s?\b")
#: A release's own marking: its words are public, whatever else its opening says.
_RELEASE_MARK = re.compile(r"(?i)\bfor immediate release\b|\b(?:press|news|media) release\b")
#: A heading of the organization's meeting with its own staff: "Meeting of the board with superintendents and
#: managers", "Reunião da Diretoria com superintendentes e gerentes" (its record is internal, whoever speaks).
_STAFF_MEETING = re.compile(r"(?i)\b(?:reuni[aã]o|reuni[oó]n|r[ée]union|riunione|meeting|sitzung|town[ \t]hall)\b[^\n]{0,80}?"
                            r"\b(?:with|com|con|avec|mit)\b[^\n]{0,40}?\b(?:managers?|superintendent(?:e|es|s)?|gerentes?|"
                            r"staff|employees|funcion[aá]rios|empleados|personnel|mitarbeiter(?:innen)?|dipendenti)\b")
_MINUTES = re.compile(r"(?im)^[^\w\n]{0,4}(?:minutes of (?:the|a)\b|(?:board |meeting |committee )?minutes[ \t]{0,3}(?:$|[-–—:]))")


#: A company's own governing body, named as if it were an organization: "Board of Directors".
_COMPANY_BODY = re.compile(r"(?i)(?:the\s+)?(?:board(?:\s+of\s+directors)?|directors|executive\s+committee|"
                           r"management\s+board|supervisory\s+board)")
#: A note's To and From lines, in English, another language or two ("TO / DESTINATAIRE:", "Para:", "De:").
_TO_LINE = re.compile(r"(?im)^\W{0,4}(?:to|para|destinatario|destinataire|an|aan)(?:[ \t]/[ \t][^\n:/]{1,20})?\s*:")
_FROM_LINE = re.compile(r"(?im)^\W{0,4}(?:from|de|remitente|remetente|von|van)(?:[ \t]/[ \t][^\n:/]{1,20})?\s*:")
#: A To line naming a public body a submission goes to: "To: Insurance Division, Northgate Markets Authority".
_TO_AGENCY = re.compile(r"(?im)^\W{0,4}to[ \t]{0,4}:[^\n]{0,120}\b(?:agency|authority|commission|regulator|ministry|inspectorate|"
                        r"ombudsman|supervisor|superintendency|superintendencia)\b[^\n]{0,60}$")
#: A note's addressee that is an elected body: "TO: Mayor and Members of Council", "To / Destinataire: Members of
#: the Legislative Assembly", "TO: The Public Accounts Committee".
_TO_ELECTED = re.compile(r"(?im)^\W{0,4}to(?:[ \t]/[ \t][^\n:/]{1,20})?[ \t]{0,4}:[ \t]{0,20}(?:the[ \t])?(?:mayor[ \t]and[ \t])?"
                         r"(?:(?:all[ \t])?members[ \t]of[ \t](?:the[ \t])?)?(?:[\w\-]{1,20}[ \t]){0,2}"
                         r"(?:council|parliament|legislature|legislative[ \t]assembly|national[ \t]assembly|senate|congress|"
                         r"public[ \t]accounts[ \t]committee|councillors|councilors|aldermen)\b")


def _kind_of(head: str, internal: bool) -> str:
    top = head[:1500]
    if not internal and OWN_PAGE.search(top):
        return "post"  # a saved copy of the organization's own help or status page, not a news clip
    if _NEWS.search(re.sub(r"\([^()\n]{1,40}\)[ \t]{0,2}:", ":", top[:700])):
        return "news"  # (not "Q. (Acme Wire):": a questioner's outlet in a transcript's turn label)
    opening = "\n".join(head[:700].split("\n")[:8])
    if _MINUTES.search(opening) or _FILE_NOTE.search(opening) or _LOG.search(opening) or _SYSTEM_RUN.search(opening) \
            or _STAFF_MEETING.search(opening):
        return "internal-report"  # "Minutes of the meeting held ...", "FILE NOTE - ...": a body's own record,
        # whatever it discussed (an interview it held, a briefing it gave)
    memo_form = bool(_MEMO.search(top[:800])) or bool(_TO_LINE.search(opening) and _FROM_LINE.search(opening))
    if not internal and memo_form and _TO_ELECTED.search(head[:1500]):
        return "letter"  # "TO: Mayor and Members of Council": an organization's words to the elected body it answers to,
        # on the public record as testimony is (not "TO: Executive Committee": its own body)
    if not internal and _TO_AGENCY.search(opening) and not _FROM_LINE.search(opening):
        return "filing"  # "To: Supervisory Bureau, Northgate Financial Agency" over a report with no From line: the
        # organization's own submission to its regulator (a memo between two people has both lines)
    if not internal and _TRANSCRIPT.search(opening) and not memo_form:
        # (not a memo whose subject is a briefing: "RE: status before press briefing")
        if _HEARING.search(opening):
            return "testimony"
        qa = re.search(r"(?m)^[^\S\n]*(?:Q\.?|QUESTION|REPORTER|INTERVIEWER|HOST|MODERATOR)\s*[:.]", head)
        return "interview" if qa else "speech"
    if not internal and re.search(r"(?i)\b(?:hearing|testimony)\b", opening) and re.search(r"(?im)^[^\S\n]*witness(?:es)?[^\S\n]*(?:\([^()\n]{0,60}\)[^\S\n]*)?(?::|$)", head):
        return "testimony"
    notice = _OWN_NOTICE.match(opening.lstrip())
    if not internal and (_POST.search(opening) or notice and ORG_WORDS.search(notice["org"]) and not _in_house(notice["org"])):
        return "post"  # (an organization's own notice: "[Acme Corp. notice -- English version]")
    if not internal and _FILING.search(head[:1500]):
        return "filing"  # a securities filing: the registrant's own public words
    if not internal and _SALUTATION.search(head[:3000]) and not _MEMO.search(top[:800]):
        return "letter"  # "Dear Senator Roe:": the organization's words to someone outside it
    if _SLIDES.search(head) and len(_SLIDES.findall(head)) >= 2:
        if not internal and FACING_OUT.search(opening):
            return "post"  # "(customer-facing deck, January 2019)": slides the organization shows its customers
        return "internal-report"
    if _MEMO.search(top[:800]):
        return "memo"
    if internal:
        if _CHAT.search(top[:400]):
            return "chat"
        if _INTRANET.search(top[:600]):
            return "memo"
        return "memo" if re.search(r"(?im)^\W{0,4}(?:to|from)\s*:", top) else "internal-report"
    if _INTRANET.search(top[:400]) and not _RELEASE_MARK.search(top[:800]):
        return "memo"  # (not "... any acceptable workplace standard" in a release FOR IMMEDIATE RELEASE)
    labels = [m["label"].strip().lower() for m in (_LABEL.match(ln) for ln in head.split("\n")[:30]) if m]
    if len(labels) >= 5 and any(re.search(r"prepared by|author|submitted by|reported by|completed by|date of", k)
                                for k in labels):
        return "internal-report"  # a form or field note: "Date of note:", "Prepared by:", "Status:", ...
    return ""


def filename_date(name: str) -> DateValue | None:
    """A date the file's name starts with or holds: 2019-03-02-memo.txt, 1996-fall-column.md,
    2016-11-holiday.txt, 19940508_story.txt."""
    base = name.rsplit("/", 1)[-1]
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])?(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?!\d)", base)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    raw = year + (f"-{month}" if month else "") + (f"-{day}" if month and day else "")
    value = parse_date_value(raw, source="filename")
    return value if value is not None and value.known else None
