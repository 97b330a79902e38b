/** The facts particular to each kind of record: a paper's number and date, an event's city, a person's role. */
import type { Agency, Person, Publication } from '@/lib/data/schema';
import type { StoredEvent } from '@/lib/db/records';
import { t, type MessageKey } from '@/lib/i18n/t';
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

const AGENCY_ROLES: Record<Agency['role'], MessageKey> = {
  member: 'roleMember',
  partner: 'rolePartner',
  'historic-member': 'roleFormerMember',
  'co-sponsor': 'roleCoSponsor',
  other: 'roleOther',
};

function AgencyFacts({ agency }: { agency: Agency }) {
  return (
    <dl class="facts">
      <Fact label={t('factInIcat')}>{t(AGENCY_ROLES[agency.role])}</Fact>
      <Fact label={t('factIcatRole')}>
        <span dir="auto">{agency.icatRole}</span>
      </Fact>
      {agency.website && (
        <Fact label={t('factWebsite')}>
          <ExternalLink url={agency.website} />
        </Fact>
      )}
    </dl>
  );
}

function PublicationFacts({ paper }: { paper: Publication }) {
  return (
    <dl class="facts">
      <Fact label={t('factType')}>{capitalise(paper.type)}</Fact>
      {paper.number && <Fact label={t('factNumber')}>{paper.number}</Fact>}
      {paper.date && (
        <Fact label={t('factDate')}>
          {formatPartialDate(paper.date)}
          {paper.dateNote && <FactNote>{paper.dateNote}</FactNote>}
        </Fact>
      )}
      {paper.titleVariants.length > 0 && (
        <Fact label={t('factAlsoTitled')}>
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
        <Fact label={t('factReadIt')}>
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
      <Fact label={t('factType')}>{capitalise(event.kind)}</Fact>
      {event.date && (
        <Fact label={t('factDate')}>
          {formatPartialDate(event.date)}
          {event.dateNote && <FactNote>{event.dateNote}</FactNote>}
        </Fact>
      )}
      {event.city && (
        <Fact label={t('factCity')}>
          <span dir="auto">{event.city}</span>
          {event.cityNote && <FactNote>{event.cityNote}</FactNote>}
        </Fact>
      )}
      {event.participants.length > 0 && (
        <Fact label={t('factParticipants')}>
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
        <Fact label={t('factStyled')}>
          <span dir="auto">
            {person.honorific} {person.name}
          </span>
        </Fact>
      )}
      <Fact label={t('factRole')}>
        <span dir="auto">{person.role}</span>
      </Fact>
      {agency && (
        <Fact label={t('kindAgency')}>
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
