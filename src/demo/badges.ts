// The demo shop's badges, as rows for the CSV importer.

const moodle = (id: number) =>
  `https://moodle.example.edu/course/view.php?id=${id}`;

type BadgeSeed = {
  slug: string;
  name: string;
  track: string;
  type: "knowledge" | "skills" | "experience";
  level: "introductory" | "intermediate" | "advanced";
  validity: string;
  lapse?: number;
  course: number;
  description: string;
  criteria: string;
};

export const DEMO_BADGES: BadgeSeed[] = [
  {
    slug: "shop-safety",
    name: "Shop Safety",
    track: "shop-safety",
    type: "knowledge",
    level: "introductory",
    validity: "annual 08-31",
    course: 101,
    description:
      "The rules of the student machine shop: PPE, housekeeping, " +
      "emergency stops, fire extinguishers and first aid.",
    criteria:
      "Complete the online module and pass its quiz with 80% or more, " +
      "then tour the shop with a staff member.",
  },
  {
    slug: "shop-safety-advanced-experience",
    name: "Shop Safety Mentor",
    track: "shop-safety",
    type: "experience",
    level: "advanced",
    validity: "annual 08-31",
    course: 102,
    description:
      "Experienced students who help run orientation tours and spot " +
      "unsafe practice on the floor.",
    criteria:
      "Assist with three orientation tours and one incident review " +
      "under a supervisor.",
  },
  {
    slug: "welding-mig-introductory-knowledge",
    name: "MIG Welding Fundamentals",
    track: "welding-mig",
    type: "knowledge",
    level: "introductory",
    validity: "24 months",
    course: 210,
    description:
      "Gas metal arc welding: shielding gases, wire feed, joint types " +
      "and fume hazards.",
    criteria: "Complete the microcourse and pass its quiz.",
  },
  {
    slug: "welding-mig-introductory-skills",
    name: "MIG Welding Basic Skills",
    track: "welding-mig",
    type: "skills",
    level: "introductory",
    validity: "24 months",
    lapse: 12,
    course: 211,
    description:
      "Set up a MIG welder and run fillet and butt welds on mild steel.",
    criteria:
      "Weld a T-joint and a butt joint that pass a visual inspection " +
      "by an assessor.",
  },
  {
    slug: "welding-mig-intermediate-skills",
    name: "MIG Welding Intermediate Skills",
    track: "welding-mig",
    type: "skills",
    level: "intermediate",
    validity: "24 months",
    course: 212,
    description: "Out-of-position MIG welding and thin-wall tube.",
    criteria: "Weld vertical-up and overhead coupons that pass a bend test.",
  },
  {
    slug: "welding-tig-introductory-knowledge",
    name: "TIG Welding Fundamentals",
    track: "welding-tig",
    type: "knowledge",
    level: "introductory",
    validity: "24 months",
    course: 220,
    description:
      "Gas tungsten arc welding: tungsten preparation, AC and DC, " +
      "filler rods and argon safety.",
    criteria: "Complete the microcourse and pass its quiz.",
  },
  {
    slug: "welding-tig-intermediate-skills",
    name: "TIG Welding Intermediate Skills",
    track: "welding-tig",
    type: "skills",
    level: "intermediate",
    validity: "12 months",
    lapse: 6,
    course: 221,
    description: "TIG welding of stainless steel and aluminium sheet.",
    criteria:
      "Weld an aluminium lap joint and a stainless corner joint to the " +
      "posted standard.",
  },
  {
    slug: "lathe-introductory-knowledge",
    name: "Lathe Fundamentals",
    track: "lathe",
    type: "knowledge",
    level: "introductory",
    validity: "never",
    course: 310,
    description:
      "Parts of the manual lathe, work holding, speeds and feeds, and " +
      "the hazards of rotating stock.",
    criteria: "Complete the microcourse and pass its quiz.",
  },
  {
    slug: "lathe-introductory-skills",
    name: "Lathe Basic Skills",
    track: "lathe",
    type: "skills",
    level: "introductory",
    validity: "annual 08-31",
    course: 311,
    description: "Facing, turning to a diameter and centre drilling.",
    criteria: "Turn the practice pin to drawing within ±0.1 mm.",
  },
  {
    slug: "lathe-intermediate-skills",
    name: "Lathe Intermediate Skills",
    track: "lathe",
    type: "skills",
    level: "intermediate",
    validity: "annual 08-31",
    course: 312,
    description: "Threading, boring, knurling and parting off.",
    criteria:
      "Make the threaded shaft project and have it signed off by an " +
      "assessor.",
  },
  {
    slug: "lathe-advanced-skills",
    name: "Lathe Advanced Skills",
    track: "lathe",
    type: "skills",
    level: "advanced",
    validity: "36 months",
    course: 313,
    description:
      "Tapers, four-jaw work holding and CNC lathe setup and " + "operation.",
    criteria: "Set up and run a CNC lathe job from a supplied program.",
  },
  {
    slug: "mill-introductory-knowledge",
    name: "Milling Fundamentals",
    track: "mill",
    type: "knowledge",
    level: "introductory",
    validity: "never",
    course: 320,
    description:
      "Vertical mills, cutters, vises, edge finding and safe chip " +
      "removal.",
    criteria: "Complete the microcourse and pass its quiz.",
  },
  {
    slug: "mill-introductory-skills",
    name: "Manual Mill Basic Skills",
    track: "mill",
    type: "skills",
    level: "introductory",
    validity: "annual 08-31",
    course: 321,
    description: "Squaring a block, drilling and pocketing on a manual mill.",
    criteria: "Mill the practice block square within 0.05 mm.",
  },
  {
    slug: "mill-intermediate-skills",
    name: "Manual Mill Intermediate Skills",
    track: "mill",
    type: "skills",
    level: "intermediate",
    validity: "annual 08-31",
    lapse: 9,
    course: 322,
    description: "Rotary table, boring head and DRO coordinate work.",
    criteria: "Make the bolt-circle flange project to drawing.",
  },
  {
    slug: "mill-advanced-experience",
    name: "CNC Mill Independent Project",
    track: "mill",
    type: "experience",
    level: "advanced",
    validity: "36 months",
    course: 323,
    description: "Plan, program and machine an original part on the CNC mill.",
    criteria:
      "Submit the project plan, setup sheet and finished part for " + "review.",
  },
  {
    slug: "mastercam-introductory-knowledge",
    name: "MasterCam 2D Toolpaths",
    track: "mastercam",
    type: "knowledge",
    level: "introductory",
    validity: "never",
    course: 410,
    description: "Contours, pockets and drilling toolpaths in MasterCam.",
    criteria: "Complete the microcourse exercises.",
  },
  {
    slug: "mastercam-intermediate-skills",
    name: "MasterCam 3D Toolpaths",
    track: "mastercam",
    type: "skills",
    level: "intermediate",
    validity: "24 months",
    course: 411,
    description: "Surface roughing and finishing, stock models, simulation.",
    criteria: "Post a verified program for the 3D practice part.",
  },
  {
    slug: "mastercam-advanced-experience",
    name: "MasterCam Production Programming",
    track: "mastercam",
    type: "experience",
    level: "advanced",
    validity: "never",
    course: 412,
    description:
      "Multi-operation programs with fixtures and tool libraries for " +
      "real shop jobs.",
    criteria: "Program a job that runs in the shop without edits.",
  },
];

/** The badge rows, with the same columns a badges CSV file has. */
export function demoBadgeRows(): Record<string, string>[] {
  return DEMO_BADGES.map((b) => ({
    slug: b.slug,
    name: b.name,
    track: b.track,
    type: b.type,
    level: b.level,
    validity: b.validity,
    lapse_unused_months: b.lapse ? String(b.lapse) : "",
    description: b.description,
    criteria: b.criteria,
    criteria_url: moodle(b.course),
  }));
}

/** Badge slugs of each track, from first tier to last. */
export const LADDERS: string[][] = [
  "welding-mig",
  "welding-tig",
  "lathe",
  "mill",
  "mastercam",
].map((track) =>
  DEMO_BADGES.filter((b) => b.track === track).map((b) => b.slug),
);
