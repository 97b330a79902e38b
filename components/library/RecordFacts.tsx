/** The facts particular to each kind of record: a paper's number and date, an event's city, a person's role. */
import type { Agency, Person, Publication } from '@/lib/data/schema';
import type { StoredEvent } from '@/lib/db/records';
import type { EntityDetails, EntitySummary } from '@/lib/library/entity';
import { ExternalLink } from './ExternalLink';
import { Fact } from './Fact';
import { formatPartialDate } from './format-date';
import { recordHref } from './route';

export function RecordFacts({ details }: { details: EntityDetails }) {
  const { entity, related } = details;
  switch (entity.kind) {
    case 'agency':
      return <AgencyFacts agency={entity.record} />;
    case 'publication':
      return <PublicationFacts paper={entity.record} />;
    case 'event':
      return <EventFacts event={entity.record} people={related.people} />;
    case 'person':
      return <PersonFacts person={entity.record} agencies={related.agencies} />;
    default:
      return null; // terms, instruments and initiatives are described by their names and forms
  }
}

const AGENCY_ROLES: Record<Agency['role'], string> = {
  member: 'Member',
  partner: 'Partner',
  'historic-member': 'Former member',
  'co-sponsor': 'Co-sponsor',
  other: 'Other',
};

function AgencyFacts({ agency }: { agency: Agency }) {
  return (
    <dl class="facts">
      <Fact label="In ICAT">{AGENCY_ROLES[agency.role]}</Fact>
      <Fact label="ICAT role">
        <span dir="auto">{agency.icatRole}</span>
      </Fact>
      {agency.website && (
        <Fact label="Website">
          <ExternalLink url={agency.website} />
        </Fact>
      )}
    </dl>
  );
}

function PublicationFacts({ paper }: { paper: Publication }) {
  return (
    <dl class="facts">
      <Fact label="Type">{capitalise(paper.type)}</Fact>
      {paper.number && <Fact label="Number">{paper.number}</Fact>}
      {paper.date && (
        <Fact label="Date">
          {formatPartialDate(paper.date)}
          {paper.dateNote && <FactNote>{paper.dateNote}</FactNote>}
        </Fact>
      )}
      {paper.titleVariants.length > 0 && (
        <Fact label="Also titled">
          <ul class="plain-list">
            {paper.titleVariants.map((variant) => (
              <li key={variant} dir="auto">
                {variant}
              </li>
            ))}
          </ul>
        </Fact>
      )}
      {paper.url && (
        <Fact label="Read it">
          <ExternalLink url={paper.url} />
        </Fact>
      )}
    </dl>
  );
}

function EventFacts({ event, people }: { event: StoredEvent; people: EntitySummary[] }) {
  const nameOf = new Map(people.map((person) => [person.id, person.title]));
  return (
    <dl class="facts">
      <Fact label="Type">{capitalise(event.kind)}</Fact>
      {event.date && (
        <Fact label="Date">
          {formatPartialDate(event.date)}
          {event.dateNote && <FactNote>{event.dateNote}</FactNote>}
        </Fact>
      )}
      {event.city && (
        <Fact label="City">
          <span dir="auto">{event.city}</span>
          {event.cityNote && <FactNote>{event.cityNote}</FactNote>}
        </Fact>
      )}
      {event.participants.length > 0 && (
        <Fact label="Participants">
          <ul class="plain-list participants">
            {event.participants.map((participant) => (
              <li key={participant.person}>
                <a href={recordHref('person', participant.person)} dir="auto">
                  {nameOf.get(participant.person) ?? participant.person}
                </a>
                <span class="muted" dir="auto">
                  {' '}
                  — {participant.role}
                </span>
              </li>
            ))}
          </ul>
        </Fact>
      )}
    </dl>
  );
}

function PersonFacts({ person, agencies }: { person: Person; agencies: EntitySummary[] }) {
  const agency = agencies.find((a) => a.id === person.agency);
  return (
    <dl class="facts">
      {person.honorific && (
        <Fact label="Styled">
          <span dir="auto">
            {person.honorific} {person.name}
          </span>
        </Fact>
      )}
      <Fact label="Role">
        <span dir="auto">{person.role}</span>
      </Fact>
      {agency && (
        <Fact label="Agency">
          <a href={recordHref(agency.kind, agency.id)} dir="auto">
            {agency.title}
          </a>
        </Fact>
      )}
    </dl>
  );
}

function FactNote({ children }: { children: string }) {
  return (
    <span class="fact-note" dir="auto">
      {children}
    </span>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
