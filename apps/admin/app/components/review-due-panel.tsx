import { Tag } from "@observatory/ui";

type Props = {
  total: number;
  items: { id: string; title: string; stage: "OVERDUE" | "DUE_SOON"; detail: string }[];
};

/** The home page's panel of the signed-in person's content whose review is due or overdue. */
export function ReviewDuePanel({ total, items }: Props) {
  return (
    <section aria-labelledby="review-due-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="review-due-heading">Review due or overdue</h2>
      {items.length === 0 ? (
        <p>Nothing you own is due for review.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border" aria-labelledby="review-due-heading">
          {items.map((item) => (
            <li key={item.id}>
              <a href={`/content/${item.id}/review-due`}>{item.title}</a>{" "}
              {item.stage === "OVERDUE" ? <Tag colour="red">Overdue</Tag> : <Tag colour="yellow">Due soon</Tag>}
              <br />
              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">{item.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={total > items.length ? "/content/review-due?owner=me" : "/content/review-due"}>
          {total > items.length ? `All ${total} of yours due for review` : "Everything due for review"}
        </a>
      </p>
    </section>
  );
}
