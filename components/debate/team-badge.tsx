/** A team named in text beside its colour swatch, so the colour never carries the meaning alone. */
export function TeamBadge({ team }: { team: { name: string; colour: string } }) {
  return (
    <span className="team-badge" title={`Team: ${team.name}`}>
      <span className="team-badge__swatch" style={{ backgroundColor: team.colour }} aria-hidden="true" />
      <span className="visually-hidden">Team: </span>
      {team.name}
    </span>
  );
}
