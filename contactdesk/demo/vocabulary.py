"""The words demo records are made of: names, companies, titles, reasons, stories.

Plain data, kept apart from the generators so that changing a list is a data
edit. Changing or reordering a list changes what a seed produces.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Aaron", "Abigail", "Adam", "Aisha", "Alex", "Alice", "Amelia", "Amir", "Amy", "Andrew",
    "Anna", "Arjun", "Ava", "Ben", "Beth", "Callum", "Carla", "Charlie", "Chloe", "Chris",
    "Claire", "Connor", "Daniel", "Dev", "Diana", "Dylan", "Eleanor", "Elijah", "Ella", "Emily",
    "Emma", "Ethan", "Eve", "Fatima", "Finn", "Freya", "Gemma", "George", "Grace", "Hannah",
    "Harry", "Harvey", "Holly", "Isaac", "Isla", "Jack", "Jacob", "James", "Jasmine", "Jessica",
    "Joe", "Jonah", "Joshua", "Kai", "Karen", "Katie", "Kieran", "Laura", "Leah", "Leo",
    "Liam", "Lily", "Lucy", "Luke", "Maisie", "Marcus", "Maria", "Mason", "Matthew", "Maya",
    "Megan", "Michael", "Mohammed", "Molly", "Nathan", "Niamh", "Noah", "Olivia", "Oliver", "Omar",
    "Oscar", "Owen", "Paige", "Patrick", "Poppy", "Priya", "Rachel", "Rhys", "Riya", "Robert",
    "Rosie", "Ruby", "Ryan", "Sam", "Sarah", "Scarlett", "Sean", "Sophie", "Stephen", "Tariq",
    "Thomas", "Tom", "Usman", "Victoria", "William", "Yasmin", "Zara", "Zoe", "Agnieszka", "Bogdan",
    "Chen", "Deepa", "Émile", "Ines", "Jörg", "Kofi", "Lena", "Mateus", "Noor", "Siobhán",
)

LAST_NAMES = (
    "Adams", "Ahmed", "Ali", "Allen", "Anderson", "Bailey", "Baker", "Barnes", "Bell", "Bennett",
    "Brown", "Butler", "Campbell", "Carter", "Chapman", "Clark", "Clarke", "Collins", "Cook",
    "Cooper",
    "Cox", "Davies", "Davis", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Fletcher", "Foster",
    "Gibson", "Graham", "Gray", "Green", "Griffiths", "Hall", "Harris", "Harrison", "Hill",
    "Holmes",
    "Hughes", "Hunt", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly",
    "Khan", "King", "Knight", "Lee", "Lewis", "Lloyd", "Marshall", "Martin", "Mason", "Matthews",
    "Miller", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Owen",
    "Palmer",
    "Parker", "Patel", "Pearce", "Phillips", "Powell", "Price", "Richards", "Richardson", "Roberts",
    "Robinson", "Rogers", "Rose", "Russell", "Saunders", "Scott", "Shaw", "Simpson", "Singh",
    "Smith",
    "Stevens", "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson",
    "Webb", "Wells", "White", "Wilkinson", "Williams", "Wilson", "Wood", "Wright", "Young",
    "Nowak", "Okafor", "O'Brien", "Müller", "Rossi", "Fernández", "Nguyen", "Kowalski", "Mensah",
)

COMPANY_STEMS = (
    "Acorn", "Albion", "Anchor", "Apex", "Arden", "Aspen", "Atlas", "Beacon", "Birch", "Bluebell",
    "Bramble", "Bridgewater", "Brook", "Cairn", "Castle", "Cedar", "Clearwater", "Clyde", "Cobalt",
    "Copper", "Crown", "Dale", "Delta", "Dovetail", "Eden", "Elm", "Ember", "Falcon", "Fenwick",
    "Fern", "Forth", "Foxglove", "Granite", "Greystone", "Harbour", "Hawthorn", "Heath", "Heron",
    "Highland", "Holloway", "Humber", "Ironbridge", "Juniper", "Kestrel", "Kingfisher", "Lark",
    "Linden", "Lomond", "Maple", "Meridian", "Mersey", "Millstone", "Moorland", "Northgate", "Oak",
    "Orchard", "Osprey", "Pennine", "Pinnacle", "Quarry", "Quay", "Raven", "Redwood", "Ribble",
    "Riverside", "Rowan", "Saltire", "Severn", "Sherwood", "Silverdale", "Solent", "Sterling",
    "Summit", "Swan", "Tamar", "Thames", "Thistle", "Tidewater", "Trent", "Tyne", "Vale",
    "Vanguard",
    "Wessex", "Westbury", "Willow", "Windmill", "Wren", "Yarrow",
)

# Industry, and the nouns its companies call themselves by.
INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Manufacturing", ("Engineering", "Fabrication", "Components", "Precision", "Plastics")),
    ("Logistics", ("Logistics", "Freight", "Haulage", "Distribution", "Shipping")),
    ("Retail", ("Stores", "Retail", "Outfitters", "Home", "Market")),
    ("Healthcare", ("Health", "Clinics", "Care", "Medical", "Pharma")),
    ("Financial services", ("Capital", "Finance", "Insurance", "Partners", "Wealth")),
    ("Software", ("Software", "Digital", "Analytics", "Systems", "Labs")),
    ("Construction", ("Construction", "Builders", "Developments", "Homes", "Civils")),
    ("Education", ("Academy", "Learning", "College", "Training", "Schools")),
    ("Hospitality", ("Hotels", "Leisure", "Inns", "Catering", "Events")),
    ("Energy", ("Energy", "Power", "Renewables", "Utilities", "Solar")),
    ("Professional services", ("Consulting", "Associates", "Legal", "Accountants", "Advisory")),
    ("Public sector", ("Council", "Trust", "Authority", "Services", "Housing")),
)

COMPANY_SUFFIXES = ("Ltd", "Ltd", "Ltd", "plc", "Group", "LLP", "& Co", "UK")

# (employees low, high) and how often each size band occurs.
COMPANY_SIZES = ((2, 9), (10, 49), (50, 249), (250, 999), (1000, 20000))
SIZE_WEIGHTS = (30, 35, 20, 10, 5)

# team -> region, territories (one territory per rep of the team, in rep order).
TEAMS = {
    "north": ("North", ("Scotland", "North East", "North West", "Yorkshire")),
    "south": ("South", ("London", "South East", "South West", "Midlands")),
}

TERRITORY_TOWNS = {
    "Scotland": ("Glasgow", "Edinburgh", "Aberdeen", "Dundee"),
    "North East": ("Newcastle upon Tyne", "Sunderland", "Durham", "Middlesbrough"),
    "North West": ("Manchester", "Liverpool", "Preston", "Lancaster"),
    "Yorkshire": ("Leeds", "Sheffield", "York", "Hull"),
    "London": ("London",),
    "South East": ("Brighton", "Reading", "Guildford", "Canterbury"),
    "South West": ("Bristol", "Exeter", "Plymouth", "Bath"),
    "Midlands": ("Birmingham", "Nottingham", "Leicester", "Coventry"),
}

# Ofcom's ranges reserved for drama: numbers that can never reach a real person.
LANDLINE_RANGES = (
    "+44207946", "+441134960", "+441144960", "+441174960", "+441214960",
    "+441314960", "+441414960", "+441514960", "+441614960", "+441914980",
)
MOBILE_RANGE = "+447700900"

STREET_NAMES = (
    "High Street", "Station Road", "Church Lane", "Mill Road", "Park Avenue", "Victoria Street",
    "King Street", "Queen's Road", "Market Place", "Bridge Street", "London Road", "Albert Road",
)

BUYER_TITLES = (
    "CFO", "Finance Director", "Head of IT", "IT Manager", "CTO", "Operations Director",
    "Head of Procurement", "Procurement Manager", "Managing Director", "CEO", "Sales Director",
    "Marketing Manager", "Office Manager", "Head of Operations", "HR Director",
    "Facilities Manager",
    "Project Manager", "Purchasing Officer", "Commercial Director", "Head of Digital",
)

ENQUIRY_SOURCES = (
    "website form", "webinar", "trade show", "referral", "paid search", "cold call",
    "partner", "newsletter", "social media", "existing customer",
)
SOURCE_WEIGHTS = (25, 12, 10, 12, 10, 8, 6, 6, 6, 5)

PRODUCTS = ("DeskSuite", "DeskSuite Pro", "Insight Add-on", "Field App")

CAMPAIGN_THEMES = (
    "Spring Launch", "Cost Cutting Webinar", "Industry Expo", "Partner Push", "Winter Offer",
    "Renewal Drive", "Case Study Series", "Search Always-On", "LinkedIn Thought Leadership",
    "Customer Referral Scheme", "Field App Launch", "Insight Roadshow", "Budget Season Mailer",
    "Year-End Review", "Regional Breakfast Briefings", "Security Whitepaper",
)

REJECTION_REASONS = ("no budget", "wrong contact", "not in territory", "duplicate", "too early")

LOST_REASONS = (
    "chose a competitor", "no budget this year", "project cancelled", "went quiet",
    "price too high", "missing integration",
)

COMPETITORS = (
    "Salesforce", "HubSpot", "Pipedrive", "Zoho", "Microsoft Dynamics", "an in-house tool",
)

OBJECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("price", (
        "Says the per-seat price is above what they pay now.",
        "Finance wants a discount before signing for more than 20 seats.",
        "Thinks the Pro tier is expensive for what their reps would use.",
    )),
    ("integration", (
        "Needs it to sync with their ERP; worried about the effort.",
        "Asked whether it works with their Outlook calendars out of the box.",
        "IT concerned about maintaining another integration.",
    )),
    ("timing", (
        "Mid-way through a reorganisation; wants to revisit next quarter.",
        "Budget is only released in April.",
        "Busy season, no time to roll out a new tool before autumn.",
    )),
    ("security", (
        "Security team wants to know where the data is stored.",
        "Asked for our ISO 27001 certificate and pen-test summary.",
        "Worried about customer data on laptops that go offline.",
    )),
    ("competitor lock-in", (
        "Three years into a contract with their current CRM.",
        "All their history is in the old system; fear of migration.",
        "Their parent company mandates a different vendor.",
    )),
)

WIN_STORIES = (
    "Chose us because reps could log calls offline on site; adoption was 90% in the first month.",
    "Replaced three spreadsheets; the sales manager now sees the pipeline without asking.",
    "Marketing can finally see which leads sales accepted; campaign spend was cut by a fifth.",
    "The week planner won it: reps stopped missing follow-ups after trade shows.",
    "Won against a bigger vendor on ease of use and a two-week roll-out.",
    "Proof of value showed 4 hours saved per rep per week on admin.",
)

COMPETITOR_MENTIONS = (
    "Also talking to {competitor}; demo booked next week.",
    "Currently on {competitor}, unhappy with the mobile app.",
    "{competitor} offered a 30% first-year discount.",
)

MARKET_NOTES = (
    "Sector is consolidating; two of their rivals merged this year.",
    "New regulation is pushing firms in this sector to track customer contact.",
    "Buyers increasingly ask for UK data residency.",
)

ACTIVITY_SUBJECTS = {
    "call": ("Intro call", "Discovery call", "Check-in call", "Pricing call", "Reference call"),
    "meeting": ("Demo meeting", "On-site visit", "Quarterly review", "Proposal walkthrough"),
    "email": ("Send case study", "Send proposal", "Send pricing", "Reply to questions"),
    "task": ("Prepare quote", "Update account plan", "Book demo room", "Check references"),
    "follow_up": ("Follow up after demo", "Follow up on proposal", "Follow up on trade show",
                  "Follow up on webinar"),
    "handover": ("Hand over to account management",),
}
ACTIVITY_KINDS = ("call", "call", "call", "meeting", "meeting", "email", "task", "follow_up",
                  "follow_up", "follow_up")
OUTCOMES = ("interested", "left voicemail", "no answer", "send information", "meeting booked",
            "not interested", "asked to call back")

COLLATERAL_ITEMS = (
    # title, kind, stages it helps in, value points, products, industries (empty: any)
    ("Logistics case study: 4 hours a week back per rep", "case_study", ("Discovery", "Proposal"),
     "Saves admin time; proof from a 40-rep haulage firm.", ("DeskSuite", "Field App"),
     ("Logistics",)),
    ("Price sheet 2026", "price_sheet", ("Proposal", "Negotiation"),
     "Per-seat prices, volume bands, Pro tier.", ("DeskSuite", "DeskSuite Pro"), ()),
    ("Proof of value plan (2 weeks)", "proof_of_value", ("Discovery", "Proposal"),
     "A fixed two-week trial plan with agreed success measures.",
     ("DeskSuite", "DeskSuite Pro", "Insight Add-on"), ()),
    ("Comparison: us vs. the big suites", "comparison", ("Proposal", "Negotiation"),
     "Offline use, roll-out time, total cost over three years.",
     ("DeskSuite", "DeskSuite Pro"), ()),
    ("Product brochure", "brochure", ("Qualified", "Discovery"),
     "What ContactDesk does for sales and marketing in one page.",
     ("DeskSuite", "DeskSuite Pro", "Insight Add-on", "Field App"), ()),
    ("Security and data residency FAQ", "brochure", ("Negotiation",),
     "Where data is stored, certifications, offline encryption.",
     ("DeskSuite", "DeskSuite Pro"), ("Financial services", "Healthcare", "Public sector")),
    ("Healthcare case study: one view of every clinic", "case_study", ("Discovery",),
     "Replaced spreadsheets across 12 clinics.", ("DeskSuite Pro", "Insight Add-on"),
     ("Healthcare",)),
)
