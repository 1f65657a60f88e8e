"""Data for the synthetic caseload: names, places and schools of a made-up English city.

Everything here is invented. The city ("Northam") and its areas are fictional; postcodes use
the area letters ``XT``, which no real UK postcode area uses, in the real format
(``XT4 2BD``); phone numbers come from Ofcom's range reserved for drama (07700 900000 to
07700 900999). The schools are named the way English schools are named, but none of them is
a real school, and their URNs are drawn at random.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_OFFICER_NAME = "Dana Okafor"

TEAM_NAME = "Northam Attendance Service"
EMAIL_DOMAIN = "northam-council.example"

# The rest of the team besides the profile's own officer: (name, role).
OTHER_OFFICERS: tuple[str, ...] = (
    "Gareth Holroyd",
    "Priya Mistry",
    "Joanne Kerrigan",
    "Tomasz Zielinski",
    "Claire Ashworth",
)
SUPERVISOR_NAME = "Helen Brierley"
COURT_OFFICER_NAME = "Marcus Adeyemi-Clarke"

CITY = "Northam"
COURT_NAME = "Northam Magistrates' Court"

# Areas of the city and the postcode district each one sits in.
AREAS: tuple[tuple[str, str], ...] = (
    ("Northam", "XT1"),
    ("Northam", "XT2"),
    ("Ashby Vale", "XT3"),
    ("Kingsmead", "XT4"),
    ("Holloway Cross", "XT5"),
    ("Brackley Moor", "XT6"),
    ("Eastholme", "XT7"),
    ("Saltersgate", "XT8"),
    ("Netherfold", "XT9"),
    ("Thornbury Green", "XT10"),
    ("Marlow Park", "XT11"),
    ("Ravensby", "XT12"),
    ("Oakwell", "XT13"),
    ("Calder Bridge", "XT14"),
)

# The letters allowed in the last two places of a UK postcode (no C I K M O V).
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

STREETS: tuple[str, ...] = (
    "Alder Road", "Beech Grove", "Chestnut Avenue", "Sycamore Close", "Rowan Way",
    "Hawthorn Street", "Elm Terrace", "Larch Drive", "Willow Crescent", "Hazel Mount",
    "Station Road", "Mill Lane", "Church Street", "Victoria Road", "Albert Terrace",
    "Princess Street", "Queen's Road", "King Edward Street", "Railway Street", "Canal Side",
    "Foundry Lane", "Weavers Court", "Tanners Row", "Dyers Walk", "Spinners Close",
    "Moorland View", "Hillcrest Road", "Valley Drive", "Brookfield Avenue", "Meadow Bank",
    "Greenside", "Fernbank Road", "Heather Close", "Bracken Way", "Thistle Grove",
    "Cobden Street", "Peel Street", "Gladstone Road", "Nelson Street", "Wellington Place",
    "Marlborough Road", "Clarendon Street", "Stanley Road", "Derby Street", "Ashfield Road",
    "Parkside", "Grange Avenue", "Manor Drive", "Priory Walk", "Abbey Road",
    "Carlton Street", "Harehills View", "Beckett Street", "Lumb Lane", "Shay Lane",
    "Netherfold Rise", "Kingsmead Parade", "Saltersgate Road", "Ravensby Lane", "Oakwell Court",
    "Calder Walk", "Holloway Road", "Eastholme Gardens", "Brackley Street", "Ashby Road",
)

# Flats: a block name and a number, for some addresses.
BLOCKS: tuple[str, ...] = (
    "Kestrel House", "Heron Court", "Lapwing Tower", "Curlew House", "Plover Court",
    "Merlin Heights", "Skylark House", "Osprey Court",
)


@dataclass(frozen=True)
class Heritage:
    """Names and home languages that go together in one family."""

    key: str
    weight: float
    girls: tuple[str, ...]
    boys: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]
    # (language, weight) of the family's main language
    languages: tuple[tuple[str, float], ...]
    eal_if_english: float = 0.01  # chance a child is EAL although the family speaks English
    traveller: bool = False
    women_surnames: tuple[str, ...] = ()  # some mothers keep a surname of their own


HERITAGES: tuple[Heritage, ...] = (
    Heritage(
        key="white_british",
        weight=48,
        girls=(
            "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Florence",
            "Grace", "Poppy", "Evie", "Ella", "Willow", "Rosie", "Daisy", "Millie", "Ruby",
            "Chloe", "Jessica", "Maisie", "Megan", "Lacey", "Leah", "Courtney", "Kayleigh",
            "Jade", "Summer", "Harper", "Scarlett", "Lexi", "Holly", "Eden", "Paige", "Libby",
            "Skye", "Darcey", "Phoebe", "Imogen", "Erin",
        ),
        boys=(
            "Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Jack", "Charlie",
            "Freddie", "Alfie", "Theo", "Archie", "Jacob", "Thomas", "Joshua", "Kai", "Tyler",
            "Callum", "Liam", "Kyle", "Jayden", "Riley", "Mason", "Lewis", "Connor", "Ethan",
            "Logan", "Reece", "Bradley", "Harvey", "Finley", "Tommy", "Brandon", "Jamie",
            "Owen", "Max", "Dylan", "Ellis", "Louie",
        ),
        women=(
            "Sarah", "Emma", "Gemma", "Kelly", "Laura", "Rebecca", "Nicola", "Stacey", "Lisa",
            "Michelle", "Joanne", "Victoria", "Danielle", "Amy", "Hayley", "Leanne", "Donna",
            "Claire", "Natalie", "Kirsty", "Carly", "Jodie", "Charlotte", "Sharon", "Tracey",
        ),
        men=(
            "Daniel", "Craig", "Lee", "Mark", "Paul", "Darren", "Wayne", "Stuart", "Carl",
            "Richard", "Matthew", "Andrew", "Gary", "Jason", "Dean", "Scott", "Ryan", "Adam",
            "Ben", "Shaun", "Neil", "Simon", "Steven", "Martin", "Jonathan",
        ),
        surnames=(
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
            "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Turner", "Hill", "Cooper", "Moore",
            "Harrison", "Barker", "Shaw", "Holmes", "Atkinson", "Booth", "Marsden", "Hartley",
            "Greenwood", "Sutcliffe", "Ellison", "Fletcher", "Whitworth", "Haigh", "Crowther",
            "Pickles", "Ackroyd", "Lumb", "Firth", "Illingworth", "Bairstow", "Priestley",
            "Dawson", "Kershaw", "Beaumont",
        ),
        languages=(("English", 1.0),),
    ),
    Heritage(
        key="south_asian",
        weight=17,
        girls=(
            "Aaliyah", "Amira", "Aisha", "Fatima", "Maryam", "Zainab", "Hafsa", "Khadija",
            "Inaya", "Hania", "Anaya", "Priya", "Simran", "Harleen", "Ananya", "Sumaiya",
            "Nusrat", "Tasnim", "Zara", "Layla", "Eshal", "Mehak", "Ayesha", "Alisha", "Jannat",
            "Noor", "Manahil", "Aleena", "Riya", "Tanisha",
        ),
        boys=(
            "Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Ali", "Hamza", "Zayn", "Ayaan",
            "Rayyan", "Bilal", "Ahmed", "Omar", "Hassan", "Abdullah", "Arjun", "Rohan",
            "Jaskaran", "Rahul", "Aarav", "Tanvir", "Sami", "Haris", "Zakariya", "Musa",
            "Idris", "Shayan", "Armaan", "Dev", "Karanveer", "Sahil",
        ),
        women=(
            "Nazia", "Shazia", "Rukhsana", "Samina", "Farzana", "Shabana", "Nasreen", "Rubina",
            "Salma", "Shamima", "Taslima", "Parveen", "Sunita", "Rajinder", "Harpreet",
            "Kiran", "Asma", "Sadia", "Uzma", "Sofia",
        ),
        men=(
            "Imran", "Tariq", "Asif", "Zahid", "Khalid", "Shahid", "Naveed", "Abdul", "Jamal",
            "Faisal", "Rizwan", "Kamran", "Mohammed", "Shafiq", "Sukhdev", "Gurpreet",
            "Rajesh", "Sanjay", "Anwar", "Habib",
        ),
        surnames=(
            "Khan", "Hussain", "Ahmed", "Ali", "Rahman", "Islam", "Uddin", "Miah", "Akhtar",
            "Iqbal", "Shah", "Patel", "Singh", "Sharma", "Mistry", "Chaudhry", "Mahmood",
            "Rashid", "Butt", "Qureshi", "Malik", "Javed", "Sadiq", "Choudhury", "Sandhu", "Gill",
            "Bains",
        ),
        women_surnames=("Begum", "Bibi", "Kaur"),
        languages=(
            ("English", 0.70), ("Urdu", 0.12), ("Bengali", 0.08), ("Punjabi", 0.06),
            ("Gujarati", 0.04),
        ),
        eal_if_english=0.2,
    ),
    Heritage(
        key="black_british",
        weight=9,
        girls=(
            "Precious", "Blessing", "Chiamaka", "Adaeze", "Abena", "Keziah", "Tiana", "Nia",
            "Shanice", "Jasmine", "Amara", "Ifeoma", "Esther", "Favour", "Zuri", "Imani",
            "Kemi", "Adwoa", "Sade", "Naomi",
        ),
        boys=(
            "Kwame", "Kofi", "Chidi", "Tobi", "Femi", "Joel", "Jermaine", "Malachi", "Tyrese",
            "Marcus", "Isaiah", "Daniel", "Emmanuel", "David", "Samuel", "Jaden", "Micah",
            "Nathaniel", "Kayden", "Elijah",
        ),
        women=(
            "Grace", "Funmilayo", "Ngozi", "Akosua", "Yvonne", "Marcia", "Patience",
            "Comfort", "Janet", "Simone", "Chantelle", "Abimbola", "Joy", "Beverley",
        ),
        men=(
            "Delroy", "Winston", "Kwabena", "Oluwaseun", "Chukwuemeka", "Tunde", "Everton",
            "Leon", "Michael", "Andre", "Kelvin", "Emeka", "Yaw", "Trevor",
        ),
        surnames=(
            "Campbell", "Williams", "Brown", "Clarke", "Thomas", "Francis", "Henry", "Grant",
            "Adeyemi", "Okonkwo", "Mensah", "Asante", "Boateng", "Owusu", "Adebayo",
            "Oladipo", "Nwosu", "Eze", "Bello", "Reid", "Gayle", "McKenzie", "Daley",
            "Osei", "Agyeman", "Babatunde",
        ),
        languages=(("English", 0.93), ("Yoruba", 0.03), ("Twi", 0.02), ("French", 0.02)),
        eal_if_english=0.08,
    ),
    Heritage(
        key="polish",
        weight=5,
        girls=(
            "Zuzanna", "Julia", "Maja", "Zofia", "Oliwia", "Hanna", "Lena", "Wiktoria",
            "Natalia", "Amelia", "Alicja", "Martyna", "Kinga", "Weronika",
        ),
        boys=(
            "Jakub", "Szymon", "Kacper", "Filip", "Antoni", "Mateusz", "Bartosz", "Igor",
            "Oskar", "Dawid", "Kamil", "Wojciech", "Michał", "Paweł",
        ),
        women=(
            "Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Magdalena", "Anna", "Monika",
            "Ewa", "Justyna", "Karolina", "Dorota", "Beata",
        ),
        men=(
            "Piotr", "Krzysztof", "Tomasz", "Marcin", "Grzegorz", "Łukasz", "Adam", "Rafał",
            "Marek", "Andrzej", "Dariusz", "Sebastian",
        ),
        surnames=(
            "Nowak", "Wójcik", "Kaczmarek", "Mazur", "Krawczyk", "Zając", "Król", "Wróbel",
            "Pawlak", "Walczak", "Sikora", "Baran", "Duda", "Szewczyk", "Michalak", "Jabłoński",
        ),
        languages=(("Polish", 0.6), ("English", 0.4)),
        eal_if_english=0.3,
    ),
    Heritage(
        key="romanian",
        weight=4,
        girls=(
            "Andreea", "Ioana", "Maria", "Bianca", "Alexandra", "Denisa", "Larisa", "Sara",
            "Daria", "Roxana", "Antonia", "Elena",
        ),
        boys=(
            "Andrei", "Ionuț", "Alexandru", "Ștefan", "Darius", "Mihai", "Gabriel", "Rareș",
            "Luca", "David", "Cristian", "Robert",
        ),
        women=(
            "Mihaela", "Florentina", "Gabriela", "Cristina", "Adriana", "Nicoleta", "Ramona",
            "Simona", "Daniela", "Georgiana",
        ),
        men=(
            "Ion", "Constantin", "Marian", "Florin", "Cătălin", "Vasile", "Nicolae", "Adrian",
            "Costel", "Marius",
        ),
        surnames=(
            "Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Constantin", "Marin",
            "Munteanu", "Lungu", "Radu", "Stoica", "Rusu", "Moldovan", "Ciobanu",
        ),
        languages=(("Romanian", 0.65), ("English", 0.35)),
        eal_if_english=0.3,
    ),
    Heritage(
        key="central_european",
        weight=3,
        girls=(
            "Viktorija", "Gabija", "Emilija", "Kamila", "Nikola", "Tereza", "Vanesa",
            "Klaudia", "Dominika", "Laura",
        ),
        boys=(
            "Lukas", "Dominik", "Matas", "Nojus", "Adam", "Patrik", "Tomas", "Matej", "Denis",
            "Rokas",
        ),
        women=("Jana", "Renata", "Monika", "Lenka", "Ingrida", "Rasa", "Zuzana", "Silvia"),
        men=("Jozef", "Milan", "Tomas", "Darius", "Mindaugas", "Peter", "Roman", "Jan"),
        surnames=(
            "Horváth", "Balog", "Kováč", "Lakatos", "Gabor", "Novák", "Kazlauskas", "Oláh",
            "Dudek", "Sivák", "Petrauskas", "Bartoš",
        ),
        languages=(("Slovak", 0.3), ("Czech", 0.15), ("Lithuanian", 0.2), ("English", 0.35)),
        eal_if_english=0.3,
    ),
    Heritage(
        key="irish",
        weight=3,
        girls=("Aoife", "Niamh", "Siobhan", "Ciara", "Orla", "Caoimhe", "Saoirse", "Roisin"),
        boys=("Cian", "Oisin", "Sean", "Padraig", "Conor", "Eoin", "Darragh", "Ronan"),
        women=("Siobhan", "Deirdre", "Bernadette", "Maeve", "Fiona", "Aisling", "Sinead"),
        men=("Declan", "Brendan", "Fergal", "Kieran", "Niall", "Cathal", "Dermot"),
        surnames=(
            "Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Neill", "Doyle", "McCarthy",
            "Gallagher", "Doherty", "Quinn", "Brennan", "Kavanagh", "O'Sullivan",
        ),
        languages=(("English", 1.0),),
    ),
    Heritage(
        key="traveller",
        weight=2,
        girls=(
            "Shannon", "Bridget", "Mary-Ellen", "Kathleen", "Margaret", "Tiffany", "Chantelle",
            "Bernadette", "Roseanne", "Nellie",
        ),
        boys=(
            "Tyson", "Levi", "Romeo", "Jimmy", "Patrick", "Johnny", "Tommy", "Martin", "Buster",
            "Mikey",
        ),
        women=("Bridget", "Mary", "Kathleen", "Margaret", "Nora", "Ellen", "Winnie", "Anne"),
        men=("Patrick", "Michael", "John", "Martin", "Joe", "Willie", "Christy", "Jimmy"),
        surnames=(
            "Maughan", "McDonagh", "Ward", "Connors", "Lee", "Boswell", "Price", "Loveridge",
            "Doran", "Stokes", "Joyce", "Smith",
        ),
        languages=(("English", 1.0),),
        traveller=True,
    ),
    Heritage(
        key="turkish",
        weight=2,
        girls=("Elif", "Zeynep", "Ecem", "Defne", "Ela", "Nehir", "Asya", "Eylül", "Melis"),
        boys=("Emir", "Mert", "Kerem", "Efe", "Deniz", "Yusuf", "Aras", "Baran", "Ömer"),
        women=("Ayşe", "Fatma", "Emine", "Hatice", "Gülsen", "Derya", "Sevgi", "Nurcan"),
        men=("Mehmet", "Mustafa", "Hüseyin", "Hasan", "Murat", "Kemal", "Serkan", "Cem"),
        surnames=(
            "Yilmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan",
            "Koç", "Kurt", "Polat",
        ),
        languages=(("Turkish", 0.5), ("Kurdish", 0.12), ("English", 0.38)),
        eal_if_english=0.3,
    ),
    Heritage(
        key="somali",
        weight=3,
        girls=(
            "Hodan", "Ifrah", "Nimco", "Sagal", "Fardowsa", "Ayan", "Hibo", "Ikram", "Sumaya",
            "Najma",
        ),
        boys=(
            "Abdirahman", "Abdi", "Mahad", "Liban", "Guled", "Mustafe", "Bashir", "Khalid",
            "Zakariye", "Yahye",
        ),
        women=("Amina", "Fadumo", "Hawa", "Sahra", "Khadra", "Ubah", "Halima", "Deeqa"),
        men=("Abdullahi", "Mohamed", "Hassan", "Ibrahim", "Abdikadir", "Omar", "Farah"),
        surnames=(
            "Mohamed", "Ahmed", "Hassan", "Ali", "Abdi", "Farah", "Osman", "Warsame", "Jama",
            "Hussein", "Yusuf", "Nur", "Ismail", "Duale",
        ),
        languages=(("Somali", 0.6), ("English", 0.4)),
        eal_if_english=0.3,
    ),
    Heritage(
        key="middle_eastern",
        weight=2,
        girls=("Lana", "Rima", "Hiba", "Yasmin", "Maya", "Tala", "Rahaf", "Nour"),
        boys=("Karim", "Ahmad", "Omar", "Zaid", "Sami", "Hadi", "Ali", "Mustafa"),
        women=("Samira", "Rania", "Huda", "Layla", "Farida", "Zahra", "Mariam"),
        men=("Khaled", "Walid", "Nabil", "Jamil", "Hamid", "Yasin", "Rashid"),
        surnames=(
            "Al-Hassan", "Mahmoud", "Saleh", "Haddad", "Ahmadi", "Rahimi", "Karimi", "Hamdan",
            "Darwish", "Nasser",
        ),
        languages=(("Arabic", 0.5), ("Pashto", 0.1), ("Dari", 0.1), ("Kurdish", 0.1),
                   ("English", 0.2)),
        eal_if_english=0.3,
    ),
)


@dataclass(frozen=True)
class SchoolName:
    name: str
    phase: str  # primary | secondary | special | alternative provision | all-through


SCHOOLS: tuple[SchoolName, ...] = (
    SchoolName("Oakfield Primary School", "primary"),
    SchoolName("St Bede's Catholic Primary", "primary"),
    SchoolName("Kingsmead Community Primary School", "primary"),
    SchoolName("Ashby Vale Primary Academy", "primary"),
    SchoolName("Holy Trinity CE Primary School", "primary"),
    SchoolName("Brackley Moor Primary School", "primary"),
    SchoolName("Eastholme Infant and Nursery School", "primary"),
    SchoolName("Eastholme Junior School", "primary"),
    SchoolName("Saltersgate Primary School", "primary"),
    SchoolName("Netherfold Primary Academy", "primary"),
    SchoolName("St Anne's Catholic Primary School", "primary"),
    SchoolName("Thornbury Green Primary School", "primary"),
    SchoolName("Marlow Park Primary School", "primary"),
    SchoolName("Ravensby Church of England Primary", "primary"),
    SchoolName("Oakwell Primary School", "primary"),
    SchoolName("Calder Bridge Primary School", "primary"),
    SchoolName("Fernbank Primary School", "primary"),
    SchoolName("Hollins Lane Primary School", "primary"),
    SchoolName("Greenside Primary Academy", "primary"),
    SchoolName("Al-Noor Primary School", "primary"),
    SchoolName("Parkside Primary School", "primary"),
    SchoolName("Weavers Lane Primary School", "primary"),
    SchoolName("Riverside Academy", "secondary"),
    SchoolName("Northgate High School", "secondary"),
    SchoolName("Kingsmead Academy", "secondary"),
    SchoolName("St Wilfrid's Catholic High School", "secondary"),
    SchoolName("Holloway Cross School", "secondary"),
    SchoolName("Brackley Moor Community College", "secondary"),
    SchoolName("Ashby Vale Grammar School", "secondary"),
    SchoolName("Netherfold High School", "secondary"),
    SchoolName("Thornbury Green Academy", "secondary"),
    SchoolName("Calder Valley School", "secondary"),
    SchoolName("Willow Bank Special School", "special"),
    SchoolName("Hawthorn Lodge School", "special"),
    SchoolName("The Meadows Special School", "special"),
    SchoolName("Brookside Pupil Referral Unit", "alternative provision"),
    SchoolName("Northam Learning Centre", "alternative provision"),
    SchoolName("The Bridge Alternative Provision Academy", "alternative provision"),
    SchoolName("Saltersgate All-Through Academy", "all-through"),
    SchoolName("Oakwell Academy (3–18)", "all-through"),
)

# Who at a school the officer deals with: (name, role).
SCHOOL_STAFF_ROLES: tuple[str, ...] = (
    "attendance lead", "attendance officer", "pastoral manager", "head of year", "SENCO",
    "designated safeguarding lead", "deputy head", "family support worker", "learning mentor",
    "class teacher",
)
STAFF_NAMES: tuple[str, ...] = (
    "Mrs Haworth", "Mr Bentley", "Ms Akhtar", "Miss Doyle", "Mr Osei", "Mrs Kaur",
    "Ms Pearson", "Mr Lindqvist", "Mrs Okoro", "Miss Fairclough", "Mr Sandhu", "Mrs Whitaker",
    "Ms Nowicka", "Mr Greaves", "Mrs Iqbal", "Miss Rowbotham", "Mr Dunne", "Mrs Achterberg",
    "Ms Fenwick", "Mr Chaudhry",
)
# Other professionals around a family.
PROFESSIONALS: tuple[tuple[str, str], ...] = (
    ("school nurse", "Nurse Lydia Thorne"),
    ("Early Help practitioner", "Ruth Kaminski"),
    ("social worker", "Adebola Johnson"),
    ("CAMHS practitioner", "Dr Owen Tierney"),
    ("housing officer", "Steve Marchant"),
    ("Family Hub worker", "Nadia Farooq"),
    ("young carers' service worker", "Kerry Lightowler"),
    ("Traveller education adviser", "Sue Boswell-Hart"),
    ("EAL coordinator", "Anita Gorska"),
    ("educational psychologist", "Dr Fiona Mallinder"),
    ("health visitor", "Janice Eccles"),
    ("police community support officer", "PCSO Dean Hirst"),
)
