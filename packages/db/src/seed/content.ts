// Demonstration content for the NHS Race and Health Observatory portal.
// Plain data only: the seed script turns these records into users, items,
// revisions and comments.

export type SeedWorkstream = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  position: number;
};

export type SeedKind = "NEWS" | "BLOG" | "PRESS_RELEASE" | "PAGE";

export type SeedItem = {
  slug: string;
  kind: SeedKind;
  title: string;
  summary: string;
  body: string;
  authorEmail: string;
  workstreams: string[];
  publishedAt: string;
  commentsOpen: boolean;
  nextReviewDue?: string;
};

export type SeedComment = {
  itemSlug: string;
  key: string;
  parentKey?: string;
  authorName: string;
  authorEmail: string;
  body: string;
  status: "PENDING" | "APPROVED" | "REJECTED" | "SPAM";
  createdAt: string;
  moderationNote?: string;
};

// ---------------------------------------------------------------------------
// Organisation

export const about: { name: string; strapline: string; intro: string } = {
  name: "NHS Race and Health Observatory",
  strapline: "Evidence and action for fair health and care, whatever your ethnicity.",
  intro:
    "We look at why people from ethnic minority backgrounds often have poorer access to care, poorer experiences and poorer outcomes, and we work with others to change that. We bring together research, lived experience and practical know-how to help the NHS and government make lasting improvements. Our work is for patients, for communities and for the staff who keep the health service running.",
};

// ---------------------------------------------------------------------------
// Workstreams (the six priorities)

export const workstreams: SeedWorkstream[] = [
  {
    slug: "community-trust",
    title: "Building trust with communities",
    summary:
      "Involving communities in how health services are planned and run, so that the NHS responds to what people from every background actually need.",
    description: `Trust between health services and the people they serve cannot be taken for granted. For some ethnic minority communities, experiences of discrimination, of not being listened to, or of being left out of decisions have made it harder to engage with the NHS. That affects everything from screening and vaccination to how early people seek help.

This workstream aims to make community participation a normal part of how services are designed, commissioned and delivered, rather than a one-off consultation at the end of the process. We work with community groups, faith organisations, voluntary sector partners and NHS leaders to find approaches that genuinely share decision-making and that last.

We also help organisations understand what good involvement looks like in practice, including:

- listening early, before decisions have been made
- working alongside people and organisations that communities already trust
- being open about what will change as a result, and what will not`,
    position: 1,
  },
  {
    slug: "workforce",
    title: "A fair deal for NHS staff",
    summary:
      "Tackling the unequal treatment of Black, Asian and minority ethnic staff so that everyone working in health and care can learn, progress and thrive.",
    description: `Staff from Black, Asian and minority ethnic backgrounds make up a large and vital part of the NHS workforce. Yet many describe poorer experiences at work, including slower career progression, unequal access to development opportunities and higher levels of bullying and harassment.

This workstream looks at the whole of working life, from education and training through to recruitment, pay and promotion. It includes a dedicated programme on ethnicity pay and progression gaps, and on the higher levels of bullying and harassment that ethnic minority staff report.

A fair workplace is the right thing for staff, and it is also closely linked to the quality and safety of the care that patients receive. We want to help NHS employers use evidence to make practical changes that staff can see and feel.`,
    position: 2,
  },
  {
    slug: "data-research",
    title: "Better data and research",
    summary:
      "Pressing for accurate ethnicity data and fairer representation in research, so that decisions about care rest on evidence that reflects everyone.",
    description: `Good decisions depend on good evidence. When ethnicity is missing or wrongly recorded in health records, or when some groups are under-represented in studies, inequalities can stay hidden and new treatments may not work equally well for everyone.

We campaign for better collection, recording and use of ethnicity data across health and care, and for research that includes the communities most affected by inequality. We also commission and support research of our own, and publish analysis to help the system see where gaps exist.

Our aim is straightforward: the evidence used to plan services, set policy and develop treatments should be accurate, complete and fair.`,
    position: 3,
  },
  {
    slug: "technology-innovation",
    title: "Fair technology and innovation",
    summary:
      "Making sure new technology, from medical devices to genomics, narrows rather than widens inequalities and works well for people of every ethnicity.",
    description: `New technology can make care quicker, safer and easier to reach. But when devices, digital tools and treatments are developed and tested without enough thought for diversity, they risk building existing biases into everyday care.

This workstream looks at how innovation is designed, tested and rolled out. It covers medical devices that may perform differently on different skin tones, digital services that not everyone finds easy to use, and fast-moving fields such as genomics and precision medicine.

Sickle cell disorder is a particular focus. It is most common among people with African or Caribbean family backgrounds, and we want advances in testing and treatment to reach the people who need them at every stage of life.`,
    position: 4,
  },
  {
    slug: "maternal-neonatal",
    title: "Maternal and neonatal health",
    summary:
      "Tackling the structural causes of unequal outcomes for Black, Asian and minority ethnic mothers and babies, to prevent avoidable harm and death.",
    description: `Black, Asian and minority ethnic women and their babies face higher risks of poor outcomes during pregnancy, birth and the first weeks of life. These gaps are closely linked to wider structural factors, including racism at different levels of care.

We work with maternity and neonatal teams, professional bodies, researchers and families to understand where care falls short and what can be done about it. Our work ranges from clinical practice, such as how conditions are recognised on darker skin, to making sure that women's concerns are heard and acted upon.

Every avoidable death is one too many. We want every woman and every baby to receive safe, respectful and personalised care, whatever their background.`,
    position: 5,
  },
  {
    slug: "mental-health",
    title: "Mental health",
    summary:
      "Supporting fairer mental health law, practice and culture, so that people from ethnic minority communities get help early rather than at crisis point.",
    description: `People from some ethnic minority groups are more likely to reach mental health services through crisis routes and to experience compulsory treatment, while being less likely to receive early support close to home. Those experiences can deepen mistrust and make it harder to ask for help next time.

We support reform of mental health legislation, practice and organisational culture so that services work better for everyone. Changes in the law need to be matched by changes on the ground.

We are particularly interested in how services can reach people sooner, including communities whose needs are often overlooked, such as Gypsy, Roma and Traveller communities, and in approaches that are culturally informed and trusted.`,
    position: 6,
  },
];

// ---------------------------------------------------------------------------
// Content items

export const items: SeedItem[] = [
  // Pages ------------------------------------------------------------------
  {
    slug: "about",
    kind: "PAGE",
    title: "About us",
    summary: "Who we are, what we do and how we go about exposing and reducing ethnic inequalities in health and care.",
    body: `The NHS Race and Health Observatory was set up in 2021 to look closely at ethnic inequalities in health and care, and to help the health service act on them. We examine where people from ethnic minority backgrounds have worse access to care, worse experiences or worse outcomes, and we work with partners to change the policies and practices that sit behind those gaps.

## What we do

We bring evidence and action together. Our work includes:

- commissioning, supporting and publishing research and analysis
- making practical policy recommendations to the NHS, government and professional bodies
- producing resources that clinicians and organisations can put to use straight away
- testing new approaches with local health and care systems
- supporting long-term change in leadership, management and culture

We draw on expertise from across the UK and beyond, including academics, clinicians, community organisations and people with lived experience of the issues we study.

## Who our work is for

Our work is for patients, for communities and for the NHS staff who provide care every day. Inequalities can affect people at every point in life, from pregnancy and birth through to care at the end of life. They often weigh most heavily on people who are already disadvantaged in other ways, for example by low income, poor housing or insecure work.

## How we work

We work in partnership. That means listening to communities, collaborating with NHS organisations nationally and locally, and learning from colleagues in other countries who face similar challenges. We share what we learn openly so that good practice can spread.

We are also clear that our priorities cannot cover every way in which race and ethnicity shape people's health. We review our focus regularly and stay ready to respond to new concerns as they emerge.

## Our priorities

Our current work is organised around six priorities. You can read a summary on our strategy page, or go straight to a priority:

- [Building trust with communities](/priorities/community-trust)
- [A fair deal for NHS staff](/priorities/workforce)
- [Better data and research](/priorities/data-research)
- [Fair technology and innovation](/priorities/technology-innovation)
- [Maternal and neonatal health](/priorities/maternal-neonatal)
- [Mental health](/priorities/mental-health)

## Get involved

We are always keen to hear from patients, community groups, NHS staff and researchers who share our aims. Many of our articles are open for comments, and we read every one.`,
    authorEmail: "admin@observatory.test",
    workstreams: [],
    publishedAt: "2021-05-04T09:00:00Z",
    commentsOpen: false,
    nextReviewDue: "2027-03-31",
  },
  {
    slug: "strategy",
    kind: "PAGE",
    title: "Our strategy",
    summary:
      "The six priorities that guide our work, shaped through wide engagement with patients, communities, NHS staff and partners.",
    body: `Our strategy sets out where we will concentrate our effort over the current period. The six priorities below were shaped through wide conversations with patients, communities, NHS staff, researchers and partner organisations.

They are our main areas of focus, but racial and ethnic inequality in health reaches well beyond them, so we have deliberately left room to respond to new issues, and we will keep talking to experts and listening to the people affected throughout.

## 1. Building trust with communities

We want community participation to be built into the way services are designed and delivered. Trust has to be earned and then maintained, and it is the foundation for an NHS that responds to what diverse communities really need. [Read more about this priority](/priorities/community-trust).

## 2. A fair deal for NHS staff

Black, Asian and minority ethnic staff make up a substantial part of the health and care workforce. We will tackle the disparities they face, so that their experience at work is fair, and we will push for better quality education and training. [Read more about this priority](/priorities/workforce).

## 3. Better data and research

Decisions about care should rest on evidence that is accurate and fair. We will press for better ethnicity data across the health service and for wider representation of ethnic minority people in research. [Read more about this priority](/priorities/data-research).

## 4. Fair technology and innovation

New technology should help to reduce inequity, not add to it. We will encourage innovation that removes bias, and make sure progress in genomics and in sickle cell care benefits ethnic minority people throughout their lives. [Read more about this priority](/priorities/technology-innovation).

## 5. Maternal and neonatal health

Mothers and babies from Black, Asian and minority ethnic backgrounds are at greater risk of harm, and of death, around the time of birth. We will tackle racism at every level of maternity and neonatal care, with the goal of preventing avoidable deaths. [Read more about this priority](/priorities/maternal-neonatal).

## 6. Mental health

We will support fair reform of mental health law, practice and culture. Services should work well for ethnic minority communities, and people should be able to get help before they reach crisis point. [Read more about this priority](/priorities/mental-health).

## How we will work

Across all six priorities we will:

- involve the people and communities most affected
- base our recommendations on the best available evidence
- work with NHS organisations, government and professional bodies to turn recommendations into action
- share what we learn openly, including what has not worked

We will keep this strategy under review and update it as our work develops.`,
    authorEmail: "editor@observatory.test",
    workstreams: [],
    publishedAt: "2023-10-02T09:00:00Z",
    commentsOpen: false,
    nextReviewDue: "2026-12-31",
  },

  // 2021 -------------------------------------------------------------------
  {
    slug: "building-trust-takes-time",
    kind: "BLOG",
    title: "Trust is earned slowly: why the conversation has to start now",
    summary:
      "Public health relies on public trust. We look at why some ethnic minority communities have lost faith in institutions, and why patient, honest conversation is the place to begin.",
    body: `Every public health measure, from a screening letter to a vaccine appointment, depends on people believing that the system making the offer has their interests at heart. Where that belief is missing, even a well-designed programme will struggle.

For some people in ethnic minority communities, confidence in public institutions has worn thin. The reasons are not hard to find. They include experiences of discrimination when using services, a sense of not being heard, information that does not reach people in a form that works for them, and a history in which some groups have been treated unfairly. The pandemic, which hit many of these communities especially hard, has added to the strain.

## The vaccine programme as a test

The COVID-19 vaccine rollout has made all of this very visible. Uptake was lower at first in some communities, and it soon became clear that repeating official messages more loudly would not change that. What helped in many areas was slower and more personal: local conversations, familiar faces, and space for people to ask difficult questions without feeling judged.

## What starting the conversation looks like

Rebuilding trust is not a campaign with an end date. It is a relationship, and relationships take time. The things we think matter most include:

- going to where people already are, such as places of worship, community centres and workplaces
- working with community leaders and organisations that people already rely on
- listening first, and treating concerns as reasonable rather than brushing them aside
- being honest about past failings, not just promising to do better
- providing clear information in the languages and formats people need
- coming back to explain what has changed as a result

## Beyond the pandemic

The lessons from the vaccine programme reach well beyond COVID-19. If the NHS wants communities to come forward for screening, to seek help early for their mental health, or to take part in research, it needs the same foundation of trust.

As a new organisation, we want to play our part. Over the coming months we will be speaking with communities across the country about their experiences of health and care, and we will use what we hear to shape our priorities. Some of those conversations will be uncomfortable, but that is no reason to delay them.

You can read more about our approach on our page about [building trust with communities](/priorities/community-trust).`,
    authorEmail: "author@observatory.test",
    workstreams: ["community-trust"],
    publishedAt: "2021-06-07T09:00:00Z",
    commentsOpen: true,
  },
  {
    slug: "observatory-welcomes-us-partnership-on-health-inequalities",
    kind: "PRESS_RELEASE",
    title: "Observatory welcomes new UK and US partnership on health inequalities",
    summary:
      "We welcome the UK government's announcement of a partnership with the Office of Minority Health and Health Equity at the US Centers for Disease Control and Prevention.",
    body: `The NHS Race and Health Observatory has welcomed a new partnership between the UK and the United States on tackling health inequalities, announced today by the UK government.

The partnership involves the Office of Minority Health and Health Equity, which is part of the US Centers for Disease Control and Prevention (CDC).

## Why international collaboration matters

Ethnic inequalities in health are not unique to the UK. Health systems around the world are wrestling with similar questions: why some groups experience worse outcomes, how structural racism shapes access to care, and which interventions genuinely make a difference.

The COVID-19 pandemic has brought many of these issues into sharp focus on both sides of the Atlantic. Sharing evidence and experience across borders can help each country learn faster and avoid repeating the same mistakes.

## What we hope the partnership will achieve

We look forward to supporting the partnership and contributing to its work. In particular, we hope it will encourage:

- the exchange of research, data and practical learning between the two countries
- shared approaches to measuring and monitoring health inequalities
- joint work on rebuilding trust with communities that have been poorly served
- a clear focus on action, not only on analysis

## Our international role

Working across borders is part of how we operate. We connect with organisations and experts in other countries so that good ideas and robust evidence can travel in both directions. This partnership is a welcome step and a sign of growing recognition that health equity is a shared, global challenge.

We will say more about how we intend to contribute as plans for the partnership develop.

## Notes to editors

- The NHS Race and Health Observatory was set up in 2021 to find and address ethnic inequalities in health and care.
- It does this by supporting research, making policy recommendations and working with partners to bring about long-term change.
- It draws on expertise from the UK and abroad, with the aim of better health for NHS patients, staff and the communities they belong to.`,
    authorEmail: "admin@observatory.test",
    workstreams: ["data-research", "community-trust"],
    publishedAt: "2021-06-10T11:00:00Z",
    commentsOpen: false,
  },
  {
    slug: "nhs-urged-to-step-up-action-on-ethnic-health-inequalities",
    kind: "NEWS",
    title: "Report urges NHS to step up action on ethnic health inequalities",
    summary:
      "A new report says the NHS, as Europe's largest employer of ethnic minority staff, should work hand in hand with local communities and partners to close long-standing gaps in health.",
    body: `A report published this week calls on the NHS to move faster and go further in its plans to reduce ethnic inequalities in health.

The report highlights that the health service employs more Black, Asian and minority ethnic staff than any other organisation in Europe. That brings both a particular responsibility and a real opportunity. The NHS has the reach, the workforce and the local presence to lead change, if it chooses to use them.

## Working with communities

A central message is that the NHS cannot tackle these inequalities alone. The report stresses the need for closer working with local communities, and with other parts of the health and care system such as local councils, public health teams and the voluntary sector.

Many of the differences in health between ethnic groups have existed for decades. Others are only now emerging and could become entrenched unless action is taken early. The report argues for tackling both: narrowing long-standing gaps while also stopping new ones from opening up.

## What this could mean in practice

The detail will vary from place to place. From our perspective, it points towards action such as:

- involving communities in decisions about local services from the very start
- joining up the work of NHS organisations and their local partners
- making better use of data to see where inequalities exist and whether they are shrinking
- recognising and supporting the NHS's own diverse workforce

## Our response

We welcome the report's emphasis on partnership and on communities. Its findings are consistent with what we are hearing from patients, staff and community organisations, and they reinforce the priorities we are setting as a new organisation.

We will be working with national NHS bodies and local systems to help turn recommendations like these into practical change, and we will share what we learn as we go. Read more about our work on [building trust with communities](/priorities/community-trust) and on [a fair deal for NHS staff](/priorities/workforce).`,
    authorEmail: "editor@observatory.test",
    workstreams: ["community-trust", "workforce"],
    publishedAt: "2021-06-15T09:30:00Z",
    commentsOpen: true,
  },

  // 2022 -------------------------------------------------------------------
  {
    slug: "pulse-oximeters-accuracy-across-skin-tones",
    kind: "BLOG",
    title: "Pulse oximeters: why accuracy across skin tones matters",
    summary:
      "Concerns that pulse oximeters can be less accurate for people with darker skin have put bias in medical devices firmly on the agenda. We explain what is at stake and what needs to change.",
    body: `Pulse oximeters are among the most familiar devices in healthcare. Clipped on to a finger, they estimate how much oxygen is in the blood by shining light through the skin. They are used in hospitals, GP surgeries and, increasingly, in people's homes.

During the COVID-19 pandemic these small devices became even more important, helping clinicians and patients judge when someone needed urgent care. At the same time, concerns grew that readings may be less reliable for people with darker skin, and may overestimate how much oxygen is in their blood.

## Why this matters

If a device suggests that a patient's oxygen level is healthier than it really is, treatment may be delayed. With an illness such as COVID-19, where oxygen levels can fall without obvious warning signs, that delay could be serious. When errors like this fall more heavily on one group of patients than another, a technical problem becomes an equity problem.

We have been calling for the issue to be examined thoroughly, and we welcome the growing attention it is now receiving from government, regulators and researchers. In the meantime, a single reading should never be the only thing that guides a decision about someone's care.

## What we want to see

- Clear, practical guidance for clinicians and patients on interpreting readings, especially for people with darker skin
- Testing of devices on people with a full range of skin tones before they reach the market
- Better information on how devices already in use perform in practice
- Manufacturers, regulators and NHS buyers working together to raise standards

## A wider lesson

Pulse oximetry is one example of a much bigger question. Many medical technologies have been developed and tested on groups of people who do not reflect the population that will go on to use them. As new devices and digital tools arrive, fairness needs to be designed in from the start rather than checked for afterwards.

This is at the heart of our work on [fair technology and innovation](/priorities/technology-innovation), and it depends on the kind of robust, representative evidence we describe in our priority on [better data and research](/priorities/data-research).`,
    authorEmail: "editor@observatory.test",
    workstreams: ["technology-innovation", "data-research"],
    publishedAt: "2022-03-15T10:00:00Z",
    commentsOpen: true,
  },
  {
    slug: "why-ethnicity-data-matters",
    kind: "BLOG",
    title: "Counting everyone: why ethnicity data matters",
    summary:
      "Inequalities that are not recorded can easily go unnoticed. We set out why accurate ethnicity data and inclusive research are essential to fair healthcare.",
    body: `It is very hard to fix a problem you cannot see. That is why the way health services record ethnicity, and the way research includes or leaves out different groups, matters so much for equity.

## Gaps in the record

Ethnicity is not always recorded in patient records, and when it is, it is not always accurate. Sometimes it is entered by a member of staff rather than chosen by the patient. Categories can also be too broad to be useful, grouping together people whose backgrounds, experiences and health needs are very different.

When data is patchy, it becomes harder to spot where inequalities exist, to plan services around local needs, or to check whether changes are making a difference.

## Who is in the evidence?

Research has its own blind spots. Clinical trials and other studies do not always include enough people from ethnic minority backgrounds to show whether a treatment works equally well for everyone. The reasons vary: where studies are run, how people are invited to take part, what practical barriers stand in the way, and whether communities trust research at all.

The result can be guidelines, treatments and tools that rest on evidence drawn from a narrow slice of the population.

## What would help

- Asking people to describe their own ethnicity, and explaining why the information is being collected
- Using categories that are meaningful and detailed enough to show real differences
- Improving how completely and accurately ethnicity is recorded across all services
- Designing research so that under-represented groups can take part more easily
- Publishing results broken down by ethnicity as a matter of routine

## Our commitment

Better data is not an end in itself. It is a way of making sure that decisions about people's care are based on evidence that includes them. We will keep pressing for improvements, and we will support research that reaches communities who are too often missing from the evidence.

Find out more about our priority on [better data and research](/priorities/data-research).`,
    authorEmail: "author@observatory.test",
    workstreams: ["data-research"],
    publishedAt: "2022-09-20T09:00:00Z",
    commentsOpen: true,
  },
  {
    slug: "safer-maternity-care-for-every-family",
    kind: "BLOG",
    title: "Safer maternity care for every family",
    summary:
      "Black, Asian and minority ethnic women and babies face higher risks in pregnancy and early life. We explain why we focus on the structures behind those gaps, not just individual care.",
    body: `Pregnancy and birth should be a time of safety and support. For too many Black, Asian and minority ethnic women and their families, that is not how it feels. Differences in outcomes for mothers and babies from different ethnic groups have been documented again and again, and they have persisted for far too long.

## Looking beyond the individual

It can be tempting to explain these differences through individual risk factors alone. But doing so misses the wider picture. Where people live, their income, how services are organised, whether interpreters are available, and how staff respond when a woman raises a worry all shape what happens.

Racism can operate at each of these levels: in policies and systems, in the way teams work together, and in one-to-one interactions. Tackling it means looking at all of them together rather than one at a time.

## Being heard

A theme that comes up again and again in women's accounts of their care is the feeling of not being believed. Women describe reporting pain or symptoms and having their concerns played down. Safe care depends on those concerns being taken seriously and acted on quickly.

## Where we are focusing

- Clinical practice, including how conditions show on different skin tones in both mothers and newborns
- Personalised care that respects culture, language and faith
- Making sure that concerns raised by women and families lead to action
- Better data, so that outcomes can be tracked by ethnicity and help can be targeted where it is needed
- Support for maternity and neonatal staff to provide anti-racist care

## Working together

No single organisation can solve this. We are working with maternity and neonatal teams, professional bodies, researchers and community groups to turn evidence into changes that families will notice.

If you work in maternity or neonatal care, or have experience of these services as a parent, we would welcome your views. You can read more about this priority on our page about [maternal and neonatal health](/priorities/maternal-neonatal).`,
    authorEmail: "admin@observatory.test",
    workstreams: ["maternal-neonatal", "community-trust"],
    publishedAt: "2022-11-23T10:00:00Z",
    commentsOpen: true,
  },

  // 2023 -------------------------------------------------------------------
  {
    slug: "national-anti-racism-pilot-with-integrated-care-systems",
    kind: "NEWS",
    title: "National pilot to test anti-racist practice with integrated care systems",
    summary:
      "We are launching a national pilot programme with integrated care systems in England to try out practical anti-racism approaches and share what works.",
    body: `We are launching a national pilot programme with integrated care systems (ICSs) across England to test how anti-racist approaches can be put into practice.

ICSs bring together NHS organisations, local councils and other partners to plan and deliver care for their area. Because they work across whole populations, they are well placed to tackle inequalities that no single hospital or GP practice could address alone.

## What the pilot will do

The programme will support participating systems to:

- look honestly at how racism affects access, experience and outcomes in their area
- try out practical changes in leadership, commissioning and service delivery
- involve local communities and staff in shaping that work
- gather evidence on what makes a difference and what does not

## Why start with a pilot?

Many NHS leaders want to act on race inequality but tell us they need help turning commitments into action. There is no shortage of statements of intent. What is often missing is tested, practical knowledge of what works in real services.

By working closely with a smaller number of systems first, we can learn what works in real settings, and what gets in the way, before sharing it more widely.

## Sharing the learning

We will publish learning from the pilot so that other systems can benefit. We expect it to inform guidance and tools for the wider NHS, and to help build a network of leaders and practitioners committed to anti-racist practice.

We are grateful to the systems taking part for their openness. Tackling racism asks organisations to take a hard look at themselves, and that takes commitment from the top as well as from staff throughout.

Read more about our priorities on [building trust with communities](/priorities/community-trust) and [a fair deal for NHS staff](/priorities/workforce).`,
    authorEmail: "editor@observatory.test",
    workstreams: ["community-trust", "workforce"],
    publishedAt: "2023-05-16T09:00:00Z",
    commentsOpen: true,
  },
  {
    slug: "recognising-the-experts-in-our-midst",
    kind: "BLOG",
    title: "Recognising the experts in our midst: valuing NHS diaspora staff",
    summary:
      "Staff who trained overseas bring skills and insight that the NHS too often overlooks. We reflect on the case for recognising their expertise and removing the barriers they face.",
    body: `The NHS has always relied on people who trained, and often worked for many years, in other countries. Doctors, nurses, midwives and allied health professionals from around the world are part of the fabric of the health service. Yet the knowledge and experience they bring is not always recognised, and too often it goes unused.

Senior clinicians who themselves qualified abroad have been making a strong case for changing this. In this post we summarise that argument and explain why it matters for our work.

## Expertise that is easy to miss

Many diaspora staff have trained and practised in low- and middle-income countries. Working with scarce equipment and budgets teaches clinicians to achieve a great deal with very little. Many also have a deep understanding of communities the NHS serves, including their languages, cultures and beliefs about health. These are real assets, both for patient care in the UK and for the country's contribution to global health.

## Barriers that persist

Despite this, internationally trained staff continue to meet obstacles. These include:

- differences in outcomes in training and assessment, often described as differential attainment
- uneven access to specialty training and to later career progression
- being disproportionately affected by performance and disciplinary processes
- unconscious bias and structural racism that limit how their knowledge is used

None of these problems is new, and progress has been slow. Good intentions are not enough on their own; they need to be matched by changes in behaviour and in policy.

## Signs of movement

There is some encouragement. National NHS bodies, several medical royal colleges and the medical regulator have been developing strategies to advance race equality.

The Tropical Health and Education Trust (THET) has also championed this agenda. Its 2021 report, Experts in Our Midst, set out what diaspora staff contribute to the NHS and to health systems in the countries their families come from, and the barriers that hold them back. THET has since invited diaspora staff to share their experiences through a survey on diaspora staff and global health.

## What needs to happen

Making the most of diaspora staff is a question of fairness, but it is also about the quality of care the NHS can offer. We want to see:

- leadership that treats inclusion as core business rather than an add-on
- better induction, learning and development for staff joining the NHS from overseas
- fair and transparent routes into training and senior roles
- proper recognition of international experience, including in global health partnerships

Everyone in the NHS has a part to play. If you trained overseas, we would like to hear about your experience, so please share your thoughts in the comments below. You can also read more about our priority on [a fair deal for NHS staff](/priorities/workforce).`,
    authorEmail: "author@observatory.test",
    workstreams: ["workforce"],
    publishedAt: "2023-07-27T09:00:00Z",
    commentsOpen: true,
  },
  {
    slug: "genomics-and-sickle-cell-progress-for-everyone",
    kind: "BLOG",
    title: "Genomics and sickle cell: making sure progress reaches everyone",
    summary:
      "Advances in genomics and sickle cell care could transform lives, but only if they are designed with diverse communities in mind from the outset.",
    body: `Genomic medicine is changing what is possible in healthcare. Tests that read a person's genetic code can help to diagnose rare conditions, guide treatment choices and, in time, identify risk before illness develops. New approaches to treating inherited blood disorders, including sickle cell disorder, are also starting to emerge.

These are exciting developments. But experience shows that new advances do not automatically benefit everyone equally.

## The diversity gap in genomics

Much of the genomic data used around the world comes from people of European ancestry. When reference data does not reflect the full diversity of the population, test results can be harder to interpret for people from other backgrounds, and less certain. That can mean a longer wait for a diagnosis, or less confidence in treatment decisions.

## Sickle cell disorder

Sickle cell disorder is an inherited condition. It is most common among people with African or Caribbean family backgrounds, although it also affects other groups. People living with it can experience severe episodes of pain, serious complications and repeated hospital stays, and patients and families have long called for more consistent, better-informed care.

New treatments and better testing offer real hope. The question is whether services, funding and care pathways will be in place to make them available to everyone who could benefit, from childhood into older age.

## What we are calling for

- Genomic research that actively includes people from a wide range of ethnic backgrounds
- Clear, culturally appropriate information so that people can make informed choices about testing
- Fair access to new sickle cell treatments as they become available
- Careful attention to trust and consent, given past harms in research involving minority communities
- Routine monitoring of who is benefiting from new technologies, broken down by ethnicity

## Building fairness in from the start

One lesson from areas such as medical devices is that it is far better to design for fairness at the beginning than to try to fix problems later. We will keep working with researchers, clinicians, patient groups and policy makers to make sure the next generation of treatments serves everyone.

Read more about our priorities on [fair technology and innovation](/priorities/technology-innovation) and [better data and research](/priorities/data-research).`,
    authorEmail: "editor@observatory.test",
    workstreams: ["technology-innovation", "data-research"],
    publishedAt: "2023-11-08T10:00:00Z",
    commentsOpen: true,
  },

  // 2024 -------------------------------------------------------------------
  {
    slug: "recognising-jaundice-in-black-and-brown-babies",
    kind: "NEWS",
    title: "New resources to help recognise jaundice in Black and brown babies",
    summary:
      "New resources support parents and health professionals to spot newborn jaundice in babies with darker skin, where the usual signs can be harder to see.",
    body: `We have published new resources to help health professionals and parents recognise jaundice in newborn Black and brown babies.

Jaundice is common in the first days of life. In most babies it is mild and clears up by itself, but some babies need treatment, and if it is missed it can occasionally lead to serious harm. Spotting it early matters.

## Why skin tone makes a difference

Much of the traditional advice on jaundice focuses on looking for yellowing of the skin. In babies with darker skin this can be much harder to see. Training materials and pictures have often shown mostly white babies, so professionals and parents may not know what to look for in babies with other skin tones.

## What the resources cover

The resources bring together practical advice, including:

- checking places where yellowing can be easier to see, such as the whites of the eyes, the gums, the palms of the hands and the soles of the feet
- looking out for other signs, such as a baby who is very sleepy or not feeding well, dark yellow urine or pale stools
- listening carefully to parents and taking their concerns seriously
- not relying on a visual check alone when there is any doubt

They are intended for midwives, health visitors, neonatal staff, GPs and others who care for newborns, with information for parents written in plain language.

## Advice for parents

If you think your baby may have jaundice, speak to your midwife, health visitor or GP as soon as possible. If your baby seems very unwell, get urgent medical help.

## Part of a wider effort

This work is part of our wider focus on making sure clinical practice works for every skin tone. That includes better images in training materials and guidance that reflects the full diversity of the families the NHS cares for.

Read more about our priorities on [maternal and neonatal health](/priorities/maternal-neonatal) and [fair technology and innovation](/priorities/technology-innovation).`,
    authorEmail: "editor@observatory.test",
    workstreams: ["maternal-neonatal", "technology-innovation"],
    publishedAt: "2024-02-20T09:00:00Z",
    commentsOpen: true,
    nextReviewDue: "2027-02-20",
  },
  {
    slug: "adapting-health-communications-for-jewish-communities",
    kind: "NEWS",
    title: "Helping NHS organisations communicate well with Jewish communities",
    summary:
      "A new resource supports NHS organisations to make health information and campaigns more accessible, relevant and trusted for Jewish communities across the UK.",
    body: `We have published a new resource to help NHS organisations and public health teams communicate more effectively with Jewish communities.

Jewish communities in the UK are diverse. They include people with a wide range of religious practice, cultural traditions, languages and backgrounds. Some communities, including strictly Orthodox communities, have their own established ways of receiving and sharing information, and mainstream health messages do not always reach them.

## Why tailored communication matters

The pandemic showed how important it is for health information to reach every community quickly and in a way that people trust. Messages designed for everyone at once can miss some groups entirely, or land in a way that feels irrelevant or insensitive.

Good communication is also a matter of respect. It shows that services understand, and value, the people they are there to serve.

## What the resource encourages

- Working with trusted community organisations, faith leaders and local health networks from the beginning
- Recognising the differences within and between communities, rather than treating them as a single group
- Thinking about timing, including Shabbat and religious festivals, when planning campaigns, clinics and appointments
- Using the channels that communities already rely on for news and information
- Checking that language, images and tone are appropriate before materials are published

## Part of a wider commitment

Ethnic and religious minority groups are often grouped together in health policy, which can hide important differences in need. This resource reflects our view that services must understand the specific needs of each community, including those that receive less attention in national discussions about health inequalities.

We hope it will be useful to communications teams, commissioners and frontline staff, and we would welcome feedback on how it is being used.

Read more about our priority on [building trust with communities](/priorities/community-trust).`,
    authorEmail: "author@observatory.test",
    workstreams: ["community-trust"],
    publishedAt: "2024-05-14T09:00:00Z",
    commentsOpen: true,
    nextReviewDue: "2026-05-14",
  },
  {
    slug: "mental-health-support-for-gypsy-roma-and-traveller-communities",
    kind: "NEWS",
    title: "Improving mental health services for Gypsy, Roma and Traveller communities",
    summary:
      "New work sets out how mental health services can better reach and support Gypsy, Roma and Traveller communities, whose needs are too often overlooked.",
    body: `We have published new resources to support better mental health care for Gypsy, Roma and Traveller communities.

These communities are among the most overlooked in health policy. People can face serious barriers to getting care, including discrimination, difficulty registering with a GP, information that is only available in writing, and a lack of trust in services after poor experiences in the past. As a result, mental health needs may go unrecognised until someone reaches crisis.

## Listening to communities

Community members, and the organisations that support them, are best placed to say what helps. Their knowledge needs to be at the centre of any effort to improve services, not added at the end.

## Key areas for action

The resources encourage mental health services and commissioners to focus on:

- building long-term relationships with trusted community organisations and advocates
- making it easier to register with, and use, primary care
- sharing information in accessible ways, including face to face and in audio or video, rather than relying on written leaflets
- training staff to understand community cultures and to challenge stigma and discrimination
- recording Gypsy, Roma and Traveller ethnicity properly, so that needs are visible in the data
- offering support early and in community settings, rather than waiting for a crisis

## Why this matters

Mental health is one of our six priorities. We want services that reach people before they reach crisis point, and that are trusted by the communities they serve. This work shows what that means for communities whose needs are too rarely considered.

We will be working with providers and community partners to support the use of these resources, and we will share examples of good practice as they emerge.

Read more about our priorities on [mental health](/priorities/mental-health) and [building trust with communities](/priorities/community-trust).`,
    authorEmail: "admin@observatory.test",
    workstreams: ["mental-health", "community-trust"],
    publishedAt: "2024-09-24T09:00:00Z",
    commentsOpen: true,
    nextReviewDue: "2027-03-31",
  },
  {
    slug: "seven-anti-racism-principles-for-nhs-organisations",
    kind: "PRESS_RELEASE",
    title: "Observatory publishes seven anti-racism principles for NHS organisations",
    summary:
      "We have published seven principles to help NHS organisations and their leaders take consistent, practical action against racism in healthcare.",
    body: `The NHS Race and Health Observatory has today published a set of seven anti-racism principles for NHS organisations.

The principles are designed to give leaders, boards and teams a shared reference point for anti-racist action. They draw on evidence and on what we have learned from working with NHS organisations, staff and communities.

## Why principles?

Many NHS organisations have made public commitments to tackle racism. Turning those commitments into consistent, everyday practice is harder. Leaders have told us they want something clear and practical that can guide decisions in very different settings, from the boardroom to the ward.

The principles are not a checklist. They are intended to shape how organisations think, plan and hold themselves to account, and they can be adapted to local circumstances.

## How they can be used

Organisations might use the principles to:

- review existing equality plans and identify gaps
- guide board discussions and decision-making
- frame conversations with staff and with local communities
- support leadership development and training
- track progress over time

## Next steps

We will work with NHS organisations to help them adopt the principles, and we will share examples of how they are being used in practice. We are also keen to hear from organisations about what support would help them most.

Tackling racism in healthcare is a long-term task. Clear principles, applied consistently, can help organisations keep their focus when other pressures compete for attention.

## Notes to editors

- The NHS Race and Health Observatory began its work in 2021. Its role is to expose and reduce ethnic inequalities across health and care.
- The full set of principles is available on the Observatory's website.
- The principles support the Observatory's priorities on [building trust with communities](/priorities/community-trust) and [a fair deal for NHS staff](/priorities/workforce).`,
    authorEmail: "admin@observatory.test",
    workstreams: ["workforce", "community-trust"],
    publishedAt: "2024-12-03T10:00:00Z",
    commentsOpen: true,
  },

  // 2025 -------------------------------------------------------------------
  {
    slug: "four-years-on-progress-pushback-and-the-road-ahead",
    kind: "BLOG",
    title: "Four years on: progress, pushback and the road ahead",
    summary:
      "As the Observatory marks four years since it was founded, we look back at what has changed, the resistance that anti-racism work still meets, and where our second strategy will take us.",
    body: `When the Observatory was founded in 2021, the country was still living through the pandemic. Black, Asian and minority ethnic people had died from COVID-19 at disproportionate rates, and the Black Lives Matter movement had prompted a much wider debate about racism, including in healthcare. As the vaccine programme got under way, it became clear that many communities did not trust the health service, and that trust had to be built before the programme's goals could be met.

Our purpose then, as now, was to find where racial inequity exists in health and care and to press the NHS and government to deal with it. That means addressing racism within services today, and also inequalities with very deep historical roots.

## What has changed

Our early analysis found differences in health outcomes between ethnic groups at every stage of life, from birth to old age. Since then, we have:

- helped to change policy in several areas, among them pulse oximetry, mental health services, and care for mothers and newborns
- launched a national pilot with integrated care systems to test anti-racist practice
- published resources to help recognise jaundice in Black and brown babies
- supported NHS organisations to adapt their communications for Jewish communities
- worked to improve mental health services for Gypsy, Roma and Traveller communities
- published seven anti-racism principles, which organisations have been quick to take up

Most encouraging of all, we are seeing this work make a difference in practice, even over a short period. More and more community groups, NHS leaders and frontline practitioners are using our resources and taking part in our research.

## Meeting resistance

Progress has not been smooth. Efforts to tackle racism tend to provoke a reaction, and the past year has shown that clearly. The disorder seen in several UK towns and cities during summer 2024 gave violent expression to anti-immigration feeling, and in the United States, hostility to equality and diversity work has moved from rhetoric into government policy.

Closer to home, we have seen attempts to redirect funding from equality, diversity and inclusion (EDI) work, and funding meant for equity being absorbed into general running costs. Progress on race equity is rarely a straight line, because the current unequal arrangements have people willing to defend them.

## Reasons for hope

Even so, there is much to be encouraged by. Leaders across the NHS, in national bodies and in local systems, are acting and asking for help to put evidence-based approaches into practice. The government has committed to a Race Equality Act and to tackling health inequalities. At a time when attacking equality work has become a way to win attention, these are welcome signals.

## Our second strategy

Pushback makes our work more necessary, not less. Later this year we will publish our second strategy, with ambitions on prevention, care in the community and digital communication. We will continue to:

- work with government and the NHS to strengthen community involvement and rebuild trust ([building trust with communities](/priorities/community-trust))
- invest in research and push for better ethnicity data ([better data and research](/priorities/data-research))
- make sure genomics, sickle cell care and precision medicine work for everyone ([fair technology and innovation](/priorities/technology-innovation))
- drive fair practice in [maternal and neonatal health](/priorities/maternal-neonatal) and in [mental health](/priorities/mental-health)
- start a major new programme on the NHS workforce, looking at ethnicity pay and progression gaps and at bullying and harassment ([a fair deal for NHS staff](/priorities/workforce))

## A health service for all of us

With a new 10 Year Health Plan for the NHS expected soon, our message to leaders is straightforward. No plan for the health service will succeed unless it engages properly with racialised communities and is backed by focused, evidence-led support. Resistance is not the end of the story, provided we hold together around a shared goal: an NHS that serves every one of us fairly.`,
    authorEmail: "admin@observatory.test",
    workstreams: ["community-trust", "workforce", "maternal-neonatal"],
    publishedAt: "2025-02-19T08:00:00Z",
    commentsOpen: true,
  },
  {
    slug: "workforce-programme-pay-progression-and-bullying",
    kind: "PRESS_RELEASE",
    title: "New programme to close ethnicity pay and progression gaps across the NHS",
    summary:
      "We are launching our first dedicated programme on the NHS workforce, looking at ethnicity pay and progression gaps and at unequal experiences of bullying and harassment.",
    body: `The NHS Race and Health Observatory is launching a new programme of work focused on the experiences of Black, Asian and minority ethnic staff in the NHS.

It is the first time the Observatory has set up a dedicated programme on the healthcare workforce. It will look at two linked issues:

- differences in pay and career progression between staff from different ethnic groups
- the disproportionate levels of bullying, harassment and discrimination reported by ethnic minority staff

## Why the workforce matters

The NHS depends on staff from ethnic minority backgrounds, who make up a substantial share of its workforce. When those staff are held back or treated badly, it is unfair to them, and it also affects morale, the ability to keep experienced people, and ultimately the care that patients receive.

## What the programme will do

The programme will:

- bring together existing evidence on pay and progression gaps
- work with NHS employers to understand what drives those gaps locally
- identify and test practical interventions
- share good practice across the health service
- involve staff networks and staff with lived experience throughout

## Building on existing work

Many NHS organisations already collect and publish information on race equality in their workforce. The programme aims to help employers move from measuring the problem to taking meaningful action on it, and to show what works.

We will publish updates as the programme develops and will invite NHS employers to take part.

## Notes to editors

- The NHS Race and Health Observatory was created in 2021 to bring evidence and action to bear on ethnic inequalities in health and care.
- The programme forms part of the Observatory's priority on [a fair deal for NHS staff](/priorities/workforce), which aims to ensure that Black, Asian and minority ethnic staff have a fair experience at work and access to good quality education and training.
- It also draws on the Observatory's work on [better data and research](/priorities/data-research).`,
    authorEmail: "editor@observatory.test",
    workstreams: ["workforce", "data-research"],
    publishedAt: "2025-06-10T10:00:00Z",
    commentsOpen: false,
  },

  // 2026 -------------------------------------------------------------------
  {
    slug: "mental-health-reaching-people-before-crisis",
    kind: "BLOG",
    title: "Reaching people before crisis: fairer mental health care",
    summary:
      "Too many people from ethnic minority communities first meet mental health services at a point of crisis. We look at what early, trusted support could look like.",
    body: `For many people, the first real contact with mental health services comes at the worst possible moment: in a crisis, often through an emergency department or the police. For some ethnic minority communities this pattern is especially common, and it shapes much of what follows.

## Why the route in matters

When people enter services in crisis, they are more likely to be treated under compulsory powers and less likely to feel they have a say in their own care. Those experiences can deepen mistrust, which makes it less likely that people will ask for help early the next time. Breaking that cycle is one of the central aims of our work on mental health.

## Law, practice and culture

Reform of mental health legislation is an important part of the picture, and we support changes that tackle inequality. But the law alone will not change what people experience. Day-to-day practice and the culture of services matter just as much. New rights on paper need to be matched by staff who have the time, training and support to make them real.

## What early support could look like

- Services based in community settings, such as places of worship, community centres and schools
- Partnerships with voluntary and community organisations that people already trust
- Culturally informed therapies, and a workforce that reflects the communities it serves
- Clear information about what help is available, in accessible languages and formats
- Attention to the wider pressures on mental health, including racism, poverty and insecure housing

## Learning from specific communities

Our work with Gypsy, Roma and Traveller communities showed how much difference it makes when services build lasting relationships, share information in accessible ways and offer help before problems escalate. The same principles apply, in different forms, to many other communities.

## What comes next

We will continue to work with mental health providers, commissioners, people with lived experience and community organisations to test and share approaches that help people get support sooner. We would like to hear from services that are already doing this well, and from people whose experience could help shape what good looks like.

Read more about our priorities on [mental health](/priorities/mental-health) and [building trust with communities](/priorities/community-trust).`,
    authorEmail: "author@observatory.test",
    workstreams: ["mental-health", "community-trust"],
    publishedAt: "2026-03-17T09:00:00Z",
    commentsOpen: true,
  },
  {
    slug: "digital-health-information-that-works-for-everyone",
    kind: "BLOG",
    title: "Digital health information that works for everyone",
    summary:
      "More health care now starts online. We consider how digital services and communication can be designed so that ethnic minority communities are included rather than left behind.",
    body: `More and more of our contact with the health service now happens online. People book appointments through apps, receive test results by text, fill in forms before consultations and look up advice on their phones. Done well, this can make care faster, safer and more convenient.

Done badly, it risks creating a new set of barriers for people who are already poorly served.

## Who can be left out

Digital exclusion is not only about whether someone owns a smartphone. It can also depend on:

- how confident people feel using online services
- whether information is available in a language they read comfortably
- whether the design takes account of different cultural expectations and needs
- the cost of data and devices
- whether people trust what happens to their personal information

These factors can overlap with ethnicity, age, income and disability, so the people most affected are often those who already face the greatest health inequalities.

## Designing with communities, not for them

The most effective digital services are shaped by the people who will use them. That means involving diverse communities from the earliest design stages, testing with real users from a range of backgrounds, and continuing to listen once a service has gone live.

It also means keeping other routes open. Phone lines, face-to-face help and support from trusted community organisations remain essential for people who cannot, or prefer not to, use digital services.

## Data and fairness

Digital tools increasingly rely on data and automated decision-making. If the data that underpins them is incomplete or unrepresentative, the tools can reproduce existing unfairness at scale. Checking how systems perform for different groups should be standard practice before and after they are introduced.

## Our focus

Digital communication is one of the areas we are giving more attention to. We want to work with NHS organisations, developers and communities to make sure that new ways of sharing health information reach everyone, and that nobody is disadvantaged because of their background.

Read more about our priorities on [fair technology and innovation](/priorities/technology-innovation) and [building trust with communities](/priorities/community-trust).`,
    authorEmail: "editor@observatory.test",
    workstreams: ["technology-innovation", "community-trust"],
    publishedAt: "2026-06-16T09:00:00Z",
    commentsOpen: true,
  },
];

// ---------------------------------------------------------------------------
// Reader comments

export const comments: SeedComment[] = [
  // Recognising the experts in our midst
  {
    itemSlug: "recognising-the-experts-in-our-midst",
    key: "diaspora-1",
    authorName: "Dr Chidi Nwosu",
    authorEmail: "chidi.nwosu@example.org",
    body: "I trained in West Africa and have been a registrar in the NHS for six years. The point about doing a lot with very little really resonates. My years running a rural clinic almost never come up in appraisals.",
    status: "APPROVED",
    createdAt: "2023-07-27T14:12:00Z",
  },
  {
    itemSlug: "recognising-the-experts-in-our-midst",
    key: "diaspora-2",
    parentKey: "diaspora-1",
    authorName: "Priya Raman",
    authorEmail: "priya.raman@example.com",
    body: "Thank you for sharing this. In our trust we have started asking internationally educated nurses about their previous roles during induction, and it has changed how we match people with mentors. A small step, but it helps.",
    status: "APPROVED",
    createdAt: "2023-07-28T08:45:00Z",
  },
  {
    itemSlug: "recognising-the-experts-in-our-midst",
    key: "diaspora-3",
    parentKey: "diaspora-2",
    authorName: "Dr Chidi Nwosu",
    authorEmail: "chidi.nwosu@example.org",
    body: "That is encouraging to hear. It would be great if approaches like that were shared more widely, so it does not depend on which trust you happen to join.",
    status: "APPROVED",
    createdAt: "2023-07-28T19:30:00Z",
  },
  {
    itemSlug: "recognising-the-experts-in-our-midst",
    key: "diaspora-4",
    parentKey: "diaspora-1",
    authorName: "Margaret Ellis",
    authorEmail: "m.ellis@example.org",
    body: "As an educational supervisor for many years I saw this too. Some of the most resourceful colleagues I worked with trained overseas, and the system often made them prove themselves twice over.",
    status: "APPROVED",
    createdAt: "2023-07-29T11:05:00Z",
  },
  {
    itemSlug: "recognising-the-experts-in-our-midst",
    key: "diaspora-5",
    authorName: "Samuel Mensah",
    authorEmail: "samuel.mensah@example.com",
    body: "Will the Observatory be looking at allied health professionals as well as doctors? Many physiotherapists and radiographers who trained abroad face the same problems getting their experience recognised.",
    status: "PENDING",
    createdAt: "2026-11-18T16:20:00Z",
  },
  {
    itemSlug: "recognising-the-experts-in-our-midst",
    key: "diaspora-6",
    authorName: "Top Locum Rates",
    authorEmail: "offers@example.com",
    body: "Earn DOUBLE as a locum!!! Instant shifts and cash bonuses, sign up today at top-locum-rates.example",
    status: "SPAM",
    createdAt: "2023-08-02T03:14:00Z",
    moderationNote: "Recruitment advert with a link. Marked as spam.",
  },
  {
    itemSlug: "recognising-the-experts-in-our-midst",
    key: "diaspora-7",
    authorName: "Gary P",
    authorEmail: "garyp@example.org",
    body: "Another one of these. Why not write about something that actually matters, like the car parking at my hospital? Complete waste of time.",
    status: "REJECTED",
    createdAt: "2023-08-04T21:40:00Z",
    moderationNote: "Off-topic and dismissive; does not engage with the post.",
  },

  // Building trust takes time
  {
    itemSlug: "building-trust-takes-time",
    key: "trust-1",
    authorName: "Fatima Begum",
    authorEmail: "fatima.begum@example.org",
    body: "Our mosque hosted a vaccine clinic with a local GP staying afterwards to answer questions. Lots of people came who would never have gone to a big vaccination centre. Having someone to talk to made all the difference.",
    status: "APPROVED",
    createdAt: "2021-06-07T18:22:00Z",
  },
  {
    itemSlug: "building-trust-takes-time",
    key: "trust-2",
    parentKey: "trust-1",
    authorName: "Dr Tom Harding",
    authorEmail: "tom.harding@example.com",
    body: "We found the same in our area. The drop-in sessions where people could just come and ask questions, without booking, were always the busiest.",
    status: "APPROVED",
    createdAt: "2021-06-08T09:10:00Z",
  },
  {
    itemSlug: "building-trust-takes-time",
    key: "trust-3",
    authorName: "QuickTravelDocs",
    authorEmail: "sales@example.com",
    body: "Need a vaccine pass fast? No questions asked, delivered in 24 hours. Visit quick-travel-docs.example now",
    status: "SPAM",
    createdAt: "2021-06-11T02:55:00Z",
    moderationNote: "Promotional post with a suspicious link; possibly fraudulent.",
  },

  // Pulse oximetry
  {
    itemSlug: "pulse-oximeters-accuracy-across-skin-tones",
    key: "pulse-1",
    authorName: "Grace Adeyemi",
    authorEmail: "grace.adeyemi@example.org",
    body: "I work in critical care and we now look much more closely at the whole clinical picture rather than trusting the number on the screen. It has started some useful conversations about how we were trained to assess patients.",
    status: "APPROVED",
    createdAt: "2022-03-16T20:05:00Z",
  },
  {
    itemSlug: "pulse-oximeters-accuracy-across-skin-tones",
    key: "pulse-2",
    authorName: "Anonymous",
    authorEmail: "no-reply-reader@example.com",
    body: "What a waste of NHS money. Whoever wrote this clearly has no idea how a hospital works.",
    status: "REJECTED",
    createdAt: "2022-03-17T07:48:00Z",
    moderationNote: "Personal dig at the author with no constructive content.",
  },

  // Jaundice resources
  {
    itemSlug: "recognising-jaundice-in-black-and-brown-babies",
    key: "jaundice-1",
    authorName: "Hannah Brooks",
    authorEmail: "hannah.brooks@example.org",
    body: "Really useful, thank you. As a community midwife I have added this to our postnatal visit checklist, and parents tell me it helps to know what to look for once they are at home.",
    status: "APPROVED",
    createdAt: "2024-02-21T13:30:00Z",
  },
  {
    itemSlug: "recognising-jaundice-in-black-and-brown-babies",
    key: "jaundice-2",
    authorName: "Kwame Boateng",
    authorEmail: "kwame.boateng@example.com",
    body: "Our daughter had jaundice last year and it was only picked up when she stopped feeding properly. I wish we had seen this then. Are there versions in other languages for families who do not read English well?",
    status: "PENDING",
    createdAt: "2026-11-19T10:15:00Z",
  },
  {
    itemSlug: "recognising-jaundice-in-black-and-brown-babies",
    key: "jaundice-3",
    authorName: "GlowBaby Shop",
    authorEmail: "promo@example.com",
    body: "Natural baby glow cream, 50% off this week only!! Order now at glowbaby-shop.example",
    status: "SPAM",
    createdAt: "2024-03-01T04:02:00Z",
    moderationNote: "Product advert with a shop link. Marked as spam.",
  },

  // Ethnicity data
  {
    itemSlug: "why-ethnicity-data-matters",
    key: "data-1",
    authorName: "Dr Leila Haddad",
    authorEmail: "leila.haddad@example.org",
    body: "Strongly agree about self-identification. In our studies the biggest headache is the 'Other' category, which hides a lot of people. Guidance on more detailed categories would be very welcome.",
    status: "PENDING",
    createdAt: "2026-11-20T08:40:00Z",
  },
  {
    itemSlug: "why-ethnicity-data-matters",
    key: "data-2",
    authorName: "Kev",
    authorEmail: "kev.m@example.com",
    body: "Not about this but does anyone know how to change GP surgery? The receptionist at mine is useless.",
    status: "REJECTED",
    createdAt: "2022-09-22T17:25:00Z",
    moderationNote: "Off-topic personal query with a rude remark about staff. Not published.",
  },

  // Four years on
  {
    itemSlug: "four-years-on-progress-pushback-and-the-road-ahead",
    key: "four-1",
    authorName: "Rosa Martins",
    authorEmail: "rosa.martins@example.org",
    body: "Taking part in the anti-racism pilot has given our board a much clearer focus. It has been uncomfortable at times, but in a productive way.",
    status: "APPROVED",
    createdAt: "2025-02-19T15:50:00Z",
  },
  {
    itemSlug: "four-years-on-progress-pushback-and-the-road-ahead",
    key: "four-2",
    authorName: "Jonathan Reid",
    authorEmail: "jonathan.reid@example.com",
    body: "Good to see the new workforce programme. I hope patients will be involved too, because how staff are treated and how patients are treated are so closely linked.",
    status: "PENDING",
    createdAt: "2026-11-17T12:00:00Z",
  },
  {
    itemSlug: "four-years-on-progress-pushback-and-the-road-ahead",
    key: "four-3",
    authorName: "RankFast SEO",
    authorEmail: "hello@example.com",
    body: "Get your healthcare website to number 1 on search engines in 7 days! Guaranteed results at rank-fast-seo.example",
    status: "SPAM",
    createdAt: "2025-02-25T05:33:00Z",
    moderationNote: "SEO marketing with a link. Marked as spam.",
  },
];
