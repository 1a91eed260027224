import type { ApplicantStatus } from '../../resolvers/lib/pipeline.ts';
import type { BundleStatus, TaskStatus } from '../../schema/generated/graphql.ts';
import type { DemoUserKey } from './demo-users.ts';

// The demo data, as a story: who applies for what, where each applicant stands in the pipeline, and what was said.
// Times are relative to the moment of seeding. local/seed/items.ts turns it into table items.

export interface DemoApplicant {
  ref: string;
  owner: DemoUserKey;
  firstName: string;
  lastName: string;
  latestEducation?: string;
  countryOfResidence: string;
  studyDestination: 'USA' | 'CANADA';
  levelOfStudy: 'FRESHMAN' | 'CONTINUING_UNDERGRADUATE' | 'GRADUATE';
  annualBudgetUsd?: number;
  incomeSource?: string;
  serviceInterest: 'DOCUMENT_REVIEW' | 'APPLICATION_SUPPORT' | 'SCHOLARSHIP_SUPPORT';
  status: ApplicantStatus;
  bundleStatus: BundleStatus;
  assignedTo?: DemoUserKey;
  createdDaysAgo: number;
  statusChangedDaysAgo: number;
  statusChangedBy: DemoUserKey;
  /** The thread, oldest first. Each side has read everything up to its own last message. */
  messages: Array<{ from: DemoUserKey; hoursAgo: number; body: string }>;
}

export interface DemoTask {
  applicant?: string;
  assignee: DemoUserKey;
  createdBy: DemoUserKey;
  title: string;
  description?: string;
  status: TaskStatus;
  createdDaysAgo: number;
  dueInDays?: number;
}

export interface DemoReview {
  applicant: string;
  reviewer: DemoUserKey;
  positive: boolean;
  feedback: string;
  scholarshipLikelihoodPercent: number;
  daysAgo: number;
}

export const demoApplicants: readonly DemoApplicant[] = [
  {
    ref: 'amina',
    owner: 'amina',
    firstName: 'Amina',
    lastName: 'Yusuf',
    latestEducation: 'BSc Computer Science, University of Lagos',
    countryOfResidence: 'Nigeria',
    studyDestination: 'USA',
    levelOfStudy: 'GRADUATE',
    annualBudgetUsd: 18_000,
    incomeSource: 'Family support and savings',
    serviceInterest: 'SCHOLARSHIP_SUPPORT',
    status: 'IN_REVIEW',
    bundleStatus: 'IN_REVIEW',
    assignedTo: 'priya',
    createdDaysAgo: 21,
    statusChangedDaysAgo: 4,
    statusChangedBy: 'priya',
    messages: [
      { from: 'amina', hoursAgo: 96, body: 'Hello, I have uploaded my transcripts and two recommendation letters.' },
      {
        from: 'priya',
        hoursAgo: 90,
        body: 'Thank you, Amina. I am reviewing them this week and will come back with feedback.',
      },
      {
        from: 'amina',
        hoursAgo: 3,
        body: 'Should I also send my GRE scores, or are they optional for the programs we discussed?',
      },
    ],
  },
  {
    ref: 'lucas',
    owner: 'lucas',
    firstName: 'Lucas',
    lastName: 'Ferreira',
    latestEducation: 'High school diploma, Colégio Bandeirantes',
    countryOfResidence: 'Brazil',
    studyDestination: 'CANADA',
    levelOfStudy: 'FRESHMAN',
    annualBudgetUsd: 30_000,
    incomeSource: 'Parents',
    serviceInterest: 'DOCUMENT_REVIEW',
    status: 'DOCUMENTS_SUBMITTED',
    bundleStatus: 'SUBMITTED',
    createdDaysAgo: 6,
    statusChangedDaysAgo: 1,
    statusChangedBy: 'lucas',
    messages: [
      {
        from: 'lucas',
        hoursAgo: 20,
        body: 'Hi! I submitted my documents yesterday. How long does the review usually take?',
      },
    ],
  },
  {
    ref: 'wei',
    owner: 'mei',
    firstName: 'Wei',
    lastName: 'Chen',
    latestEducation: 'Second-year Economics, Zhejiang University',
    countryOfResidence: 'China',
    studyDestination: 'USA',
    levelOfStudy: 'CONTINUING_UNDERGRADUATE',
    annualBudgetUsd: 45_000,
    incomeSource: 'Parents',
    serviceInterest: 'APPLICATION_SUPPORT',
    status: 'CONSULTATION_SCHEDULED',
    bundleStatus: 'APPROVED',
    assignedTo: 'daniel',
    createdDaysAgo: 35,
    statusChangedDaysAgo: 2,
    statusChangedBy: 'daniel',
    messages: [
      {
        from: 'mei',
        hoursAgo: 60,
        body: 'Good evening. Wei is available for the consultation any weekday after 6 pm Beijing time.',
      },
      {
        from: 'daniel',
        hoursAgo: 30,
        body: 'Thank you. I booked Thursday at 7 pm Beijing time; the video link is in the task list.',
      },
    ],
  },
  {
    ref: 'lin',
    owner: 'mei',
    firstName: 'Lin',
    lastName: 'Chen',
    countryOfResidence: 'China',
    studyDestination: 'CANADA',
    levelOfStudy: 'FRESHMAN',
    serviceInterest: 'DOCUMENT_REVIEW',
    status: 'DRAFT',
    bundleStatus: 'OPEN',
    createdDaysAgo: 1,
    statusChangedDaysAgo: 1,
    statusChangedBy: 'mei',
    messages: [],
  },
  {
    ref: 'kwame',
    owner: 'kwame',
    firstName: 'Kwame',
    lastName: 'Mensah',
    latestEducation: 'MPhil Public Health, University of Ghana',
    countryOfResidence: 'Ghana',
    studyDestination: 'USA',
    levelOfStudy: 'GRADUATE',
    annualBudgetUsd: 12_000,
    incomeSource: 'Employer sponsorship',
    serviceInterest: 'SCHOLARSHIP_SUPPORT',
    status: 'ACCEPTED',
    bundleStatus: 'APPROVED',
    assignedTo: 'priya',
    createdDaysAgo: 120,
    statusChangedDaysAgo: 9,
    statusChangedBy: 'priya',
    messages: [
      {
        from: 'priya',
        hoursAgo: 216,
        body: 'Congratulations, Kwame! The admission letter and the scholarship offer are both in.',
      },
      { from: 'kwame', hoursAgo: 200, body: 'Thank you so much for all the help. I accepted the offer today.' },
      { from: 'priya', hoursAgo: 198, body: 'Wonderful news. I will send the pre-departure checklist next week.' },
    ],
  },
];

export const demoTasks: readonly DemoTask[] = [
  {
    applicant: 'amina',
    assignee: 'priya',
    createdBy: 'priya',
    title: "Review Amina's transcripts and recommendation letters",
    description: 'Check grading scale conversion and that both letters are signed.',
    status: 'IN_PROGRESS',
    createdDaysAgo: 4,
    dueInDays: 2,
  },
  {
    applicant: 'wei',
    assignee: 'daniel',
    createdBy: 'daniel',
    title: 'Hold the consultation with Wei Chen',
    description: 'Shortlist of 8 programs; discuss essays and the testing plan.',
    status: 'PENDING',
    createdDaysAgo: 2,
    dueInDays: 3,
  },
  {
    applicant: 'kwame',
    assignee: 'priya',
    createdBy: 'admin',
    title: "Confirm Kwame's scholarship acceptance paperwork",
    status: 'COMPLETED',
    createdDaysAgo: 12,
    dueInDays: -8,
  },
  {
    assignee: 'daniel',
    createdBy: 'admin',
    title: 'Update the Canadian scholarship deadlines list',
    description: 'Fall intake deadlines for the 20 partner universities.',
    status: 'PENDING',
    createdDaysAgo: 3,
    dueInDays: 10,
  },
];

export const demoReviews: readonly DemoReview[] = [
  {
    applicant: 'amina',
    reviewer: 'priya',
    positive: true,
    feedback:
      'Strong academic record and relevant research experience; the statement of purpose needs a sharper focus.',
    scholarshipLikelihoodPercent: 70,
    daysAgo: 3,
  },
  {
    applicant: 'kwame',
    reviewer: 'priya',
    positive: true,
    feedback: 'Excellent fit for public health programs with funded positions.',
    scholarshipLikelihoodPercent: 85,
    daysAgo: 60,
  },
];
